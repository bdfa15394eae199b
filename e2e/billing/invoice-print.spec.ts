import { expectAccessible, expectNoSidewaysScroll } from '../fixtures/accessibility';
import { familyBalance, patelFamilyId, screenSizes, signInAs, sizeName } from '../fixtures/billing';
import { shownDate, shownMoney } from '../fixtures/demo';
import { expect, test } from '../fixtures/test';

for (const size of screenSizes) {
  test.describe(sizeName(size), () => {
    test.use({ viewport: size });

    test('each invoice links to a printable page: organization, family, lines, payments, totals and due date', async ({ page, saveScreen }) => {
      await signInAs(page, 'owner');
      const { familyId } = await patelFamilyId(page.request);
      const paid = (await familyBalance(page.request, familyId)).invoices.find((i) => i.status === 'paid' && i.payments.length > 0)!;
      const shot = (name: string) => saveScreen(`billing-${name}-${sizeName(size)}`);

      await signInAs(page, 'frontDesk');
      await page.goto(`/families/${familyId}`);
      const item = page.locator(`[data-invoice-id="${paid.id}"]`);
      await item.getByRole('button').first().click(); // paid invoices start folded: open it
      await expect(item.getByText('Paid in full: nothing is due.')).toBeVisible();
      const printable = item.getByRole('link', { name: 'Printable invoice' });
      await printable.scrollIntoViewIfNeeded();
      await expect(printable).toBeInViewport();
      await printable.click();
      await expect(page).toHaveURL(`/invoices/${paid.id}/print`);

      await expect(page.getByRole('heading', { name: 'Riverside Swim School', level: 1 })).toBeVisible();
      await expect(page.getByText('Patel family', { exact: true })).toBeVisible();
      await expect(page.getByText('Priya Patel', { exact: false })).toBeVisible();
      await expect(page.getByText(shownDate(paid.dueOn))).toBeVisible();
      const table = page.getByTestId('invoice-breakdown');
      await expect(table.getByRole('row', { name: paid.lines[0]!.description })).toContainText(shownMoney(paid.lines[0]!.amount));
      await expect(table.getByRole('row', { name: /^Total/ })).toContainText(shownMoney(paid.total));
      await expect(table.getByRole('row', { name: /^Payment by/ })).toContainText(`−${shownMoney(paid.payments[0]!.amount)}`);
      await expect(table.getByRole('row', { name: /^Amount due/ })).toContainText('$0.00');
      await expect(page.getByTestId('invoice-status')).toHaveText('Paid');
      await expect(page.getByTestId('print-amount-due')).toHaveText('Nothing is due on this invoice. Thank you.');
      await expectNoSidewaysScroll(page, 'printable invoice');
      await shot('invoice-print');
      await expectAccessible(page, 'printable invoice');

      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void ((window as unknown as { printed: number }).printed += 1);
      });
      await page.getByRole('button', { name: 'Print' }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
      await expect(page.getByRole('link', { name: /Patel family/ })).toBeHidden();
      await shot('invoice-print-paper');
      await page.emulateMedia({ media: 'screen' });
    });
  });
}
