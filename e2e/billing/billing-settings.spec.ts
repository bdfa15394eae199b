import { expectAccessible, expectNoSidewaysScroll } from '../fixtures/accessibility';
import { screenSizes, signInAs, sizeName } from '../fixtures/billing';
import { expect, test } from '../fixtures/test';

for (const size of screenSizes) {
  test.describe(sizeName(size), () => {
    test.use({ viewport: size });

    test('a manager changes the billing settings; the front desk sees them read-only', async ({ page, saveScreen }) => {
      await signInAs(page, 'owner');
      const shot = (name: string) => saveScreen(`billing-${name}-${sizeName(size)}`);
      const before = await (await page.request.get('/api/organization/billing-settings')).json();

      await signInAs(page, 'manager');
      await page.goto('/setup/billing');
      const form = page.getByRole('form', { name: 'Billing settings' });
      const issueDays = form.getByLabel('Issue invoices this many days before the period');
      const dueDay = form.getByLabel('Invoices are due on this day of the month');
      const autoCredit = form.getByRole('switch', { name: 'Apply account credit automatically' });
      await expect(issueDays).toHaveValue(String(before.invoiceIssueDaysBefore));

      // Out of range: the server's message beside the field, nothing saved.
      await issueDays.fill('61');
      await form.getByRole('button', { name: 'Save billing settings' }).click();
      await expect(issueDays).toHaveAttribute('aria-invalid', 'true');
      await expect(issueDays).toHaveAccessibleDescription(/at most 60/);
      await expect(form.getByRole('alert')).toHaveText(/Correct the fields marked in red/);
      await expectNoSidewaysScroll(page, 'billing settings');
      await shot('settings-error');
      await expectAccessible(page, 'billing settings: refused');

      await issueDays.fill('10');
      await dueDay.fill('5');
      if (!(await autoCredit.isChecked())) await autoCredit.click({ force: true });
      await form.getByRole('button', { name: 'Save billing settings' }).click();
      await expect(page.getByText('Billing settings saved')).toBeVisible();
      await page.reload();
      await expect(issueDays).toHaveValue('10');
      await expect(dueDay).toHaveValue('5');
      await expect(autoCredit).toBeChecked();
      await shot('settings-manager');

      await signInAs(page, 'frontDesk');
      await page.reload();
      const shown = page.getByTestId('billing-settings');
      await expect(shown.getByRole('row', { name: /Invoices are issued/ })).toContainText('10 days before the period starts');
      await expect(shown.getByRole('row', { name: /Invoices are due on/ })).toContainText('the 5th of the month');
      await expect(shown.getByRole('row', { name: /applied automatically/ })).toContainText('Yes');
      await expect(page.getByRole('button', { name: 'Save billing settings' })).toHaveCount(0);
      await expect(page.getByText('Only a manager or the owner can change the billing settings.')).toBeVisible();
      await expectNoSidewaysScroll(page, 'billing settings read-only');
      await shot('settings-front-desk');
      await expectAccessible(page, 'billing settings: read-only');

      // Back as they were, for whatever runs next.
      await signInAs(page, 'manager');
      const restored = await page.request.patch('/api/organization/billing-settings', { data: before });
      expect(restored.ok(), await restored.text()).toBe(true);
    });
  });
}
