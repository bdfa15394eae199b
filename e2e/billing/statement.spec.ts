import { readFileSync } from 'node:fs';
import { Temporal } from 'temporal-polyfill';
import { expectAccessible, expectNoSidewaysScroll } from '../fixtures/accessibility';
import { familyWithOpenInvoice, pay, screenSizes, signInAs, sizeName } from '../fixtures/billing';
import { demo, shownDate } from '../fixtures/demo';
import { expect, test } from '../fixtures/test';

for (const size of screenSizes) {
  test.describe(sizeName(size), () => {
    test.use({ viewport: size });

    test('the statement shows each entry with its running balance, downloads as CSV and prints alone', async ({ page, saveScreen }) => {
      await signInAs(page, 'owner');
      const { family, invoice } = await familyWithOpenInvoice(page.request, `Nakamura ${size.width}`);
      await pay(page.request, invoice.id, 3000, 'check', '2231');
      const shot = (name: string) => saveScreen(`billing-${name}-${sizeName(size)}`);
      const today = Temporal.Now.plainDateISO(demo.timeZone);

      await signInAs(page, 'frontDesk');
      await page.goto(`/families/${family.id}`);
      const statement = page.getByRole('region', { name: 'Statement' });
      // Default range: the last 3 months to today.
      await expect(statement.getByLabel('From')).toHaveValue(today.subtract({ months: 3 }).toString());
      await expect(statement.getByLabel('To')).toHaveValue(today.toString());
      await expect(statement.getByTestId('opening-balance')).toHaveText('$0.00');

      const rows = statement.getByTestId('statement-entries').locator('tbody tr');
      await expect(rows).toHaveCount(2);
      // The charge, then the payment: amounts signed, the balance running, who did it.
      await expect(rows.nth(0)).toContainText(shownDate(today.toString()));
      await expect(rows.nth(0)).toContainText('+$120.00');
      await expect(rows.nth(0)).toContainText('$120.00');
      await expect(rows.nth(1)).toContainText('−$30.00');
      await expect(rows.nth(1)).toContainText('$90.00');
      await expect(rows.nth(1)).toContainText('Olivia Brooks'); // the owner took it (the fixture is signed in as the owner)
      await expect(statement.getByTestId('closing-balance')).toHaveText('$90.00');
      await statement.scrollIntoViewIfNeeded();
      await expectNoSidewaysScroll(page, 'statement');
      await shot('statement');
      await expectAccessible(page, 'statement');

      // A range with nothing in it: opening and closing balance only.
      await statement.getByLabel('From').fill(today.subtract({ years: 1 }).toString());
      await statement.getByLabel('To').fill(today.subtract({ months: 6 }).toString());
      await expect(statement.getByText('Nothing happened on this account in these dates.')).toBeVisible();
      await statement.getByLabel('From').fill(today.subtract({ months: 3 }).toString());
      await statement.getByLabel('To').fill(today.toString());
      await expect(rows).toHaveCount(2);

      // CSV: the same endpoint, as a file.
      const [download] = await Promise.all([page.waitForEvent('download'), statement.getByRole('link', { name: 'Download CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8');
      const lines = csv.trim().split(/\r?\n/);
      expect(lines.length, csv).toBeGreaterThanOrEqual(3);
      expect(csv).toContain('2231');

      // Print: only the statement goes on paper (no navigation, no buttons, no invoices).
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void ((window as unknown as { printed: number }).printed += 1);
      });
      await statement.getByRole('button', { name: 'Print' }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
      await expect(statement.getByRole('button', { name: 'Print' })).toBeHidden();
      await expect(statement.getByRole('link', { name: 'Download CSV' })).toBeHidden();
      await expect(page.getByRole('heading', { name: 'Invoices' })).toBeHidden();
      await expect(statement.getByTestId('closing-balance')).toBeVisible();
      await expect(statement.getByText(`Riverside Swim School · ${family.name} family ·`)).toBeVisible();
      await shot('statement-print');
      await page.emulateMedia({ media: 'screen' });
    });
  });
}
