import { expectAccessible, expectNoSidewaysScroll } from '../fixtures/accessibility';
import { familyBalance, patelFamilyId, screenSizes, signInAs, sizeName } from '../fixtures/billing';
import { shownMoney } from '../fixtures/demo';
import { expect, test } from '../fixtures/test';

for (const size of screenSizes) {
  test.describe(sizeName(size), () => {
    test.use({ viewport: size });

    test('the client profile links to the family page: guardians, clients, balance, credit and every invoice', async ({ page, saveScreen }) => {
      await signInAs(page, 'owner');
      const { familyId, mayaId } = await patelFamilyId(page.request);
      const balance = await familyBalance(page.request, familyId);
      const shot = (name: string) => saveScreen(`billing-${name}-${sizeName(size)}`);

      await signInAs(page, 'frontDesk');
      await page.goto(`/clients/${mayaId}`);
      // The profile shows the family's invoices with the same words and actions.
      await expect(page.getByRole('heading', { name: 'Family invoices' })).toBeVisible();
      await expect(page.getByTestId('invoice-status').first()).toBeVisible();
      await expectNoSidewaysScroll(page, 'client profile');
      await shot('client-profile');
      await expectAccessible(page, 'client profile (front desk)');
      await page.getByRole('link', { name: 'Patel family' }).click();
      await expect(page).toHaveURL(`/families/${familyId}`);
      await expect(page.getByRole('heading', { name: 'Patel family', level: 2 })).toBeVisible();
      // Exactly her name (the Emails section also says "Priya Patel receives" and "To Priya Patel").
      await expect(page.getByText('Priya Patel', { exact: true }).first()).toBeVisible();
      await expect(page.getByTestId('family-balance')).toHaveText(shownMoney(balance.balance));
      await expect(page.getByTestId('account-credit')).toHaveText(shownMoney(balance.accountCredit));

      // Every invoice, with where it stands in words.
      const items = page.locator('[data-invoice-id]');
      await expect(items).toHaveCount(balance.invoices.length);
      const words = { open: /Open|Partly paid/, paid: /Paid/, closed: /Closed/, void: /Void/ } as const;
      for (const invoice of balance.invoices) {
        await expect(page.locator(`[data-invoice-id="${invoice.id}"]`).getByTestId('invoice-status')).toHaveText(words[invoice.status]);
      }
      // The paid one says so instead of offering a payment; the open one offers it.
      const paid = balance.invoices.find((i) => i.status === 'paid')!;
      const open = balance.invoices.find((i) => i.status === 'open')!;
      const paidItem = page.locator(`[data-invoice-id="${paid.id}"]`);
      await paidItem.getByRole('button').first().click();
      await expect(paidItem.getByText('Paid in full: nothing is due.')).toBeVisible();
      await expect(paidItem.getByRole('button', { name: 'Take a payment' })).toHaveCount(0);
      await expect(page.locator(`[data-invoice-id="${open.id}"]`).getByRole('button', { name: 'Take a payment' })).toBeVisible();
      await expectNoSidewaysScroll(page, 'Patel family page');
      await shot('family-patel');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `test-results/screens/billing-family-patel-full-${sizeName(size)}.png`, fullPage: true, animations: 'disabled' });
      await expectAccessible(page, 'Patel family page');

      // On a phone the navigation folds behind the menu button, out of the way of Tab too.
      const navigation = page.getByRole('navigation', { name: 'Main' });
      if (size.width < 768) {
        await expect(navigation).toBeHidden();
        await page.getByRole('button', { name: 'Navigation' }).click();
        await expect(navigation.getByRole('link', { name: 'Clients' })).toBeVisible();
        await page.getByRole('button', { name: 'Navigation' }).click();
        await expect(navigation).toBeHidden();
      } else {
        await expect(navigation).toBeVisible();
      }

      // The family's clients link to their profiles.
      await page.getByRole('link', { name: 'Maya Patel' }).click();
      await expect(page).toHaveURL(`/clients/${mayaId}`);
    });
  });
}
