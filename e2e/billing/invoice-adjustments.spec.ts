import { expectAccessible } from '../fixtures/accessibility';
import { familyWithOpenInvoice, pay, screenSizes, signInAs, sizeName } from '../fixtures/billing';
import { expect, test } from '../fixtures/test';

for (const size of screenSizes) {
  test.describe(sizeName(size), () => {
    test.use({ viewport: size });

    test('a manager adds a percent discount, writes off part, then voids another invoice; paid in full offers no payment', async ({ page, saveScreen }) => {
      await signInAs(page, 'owner');
      const first = await familyWithOpenInvoice(page.request, `Moreau ${size.width}`);
      const shot = (name: string) => saveScreen(`billing-${name}-${sizeName(size)}`);
      await signInAs(page, 'manager');
      await page.goto(`/families/${first.family.id}`);
      const item = page.locator(`[data-invoice-id="${first.invoice.id}"]`);

      // 15 % off $120.00 is $18.00: total $102.00.
      await item.getByRole('button', { name: 'Add a discount' }).click();
      const discount = page.getByRole('dialog', { name: 'Add a discount' });
      await discount.getByText('Percent', { exact: true }).click();
      await discount.getByLabel('Percent off').fill('15');
      await discount.getByLabel('Reason').fill('Sibling discount');
      await shot('discount-dialog');
      await expectAccessible(page, 'add a discount');
      await discount.getByRole('button', { name: 'Add discount' }).click();
      await expect(discount).toBeHidden();
      await expect(item.getByRole('row', { name: /Discount 15%: Sibling discount/ })).toContainText('−$18.00');
      await expect(item.getByRole('row', { name: /^Total/ })).toContainText('$102.00');
      await expect(item.getByTestId('invoice-amount')).toHaveText('$102.00 due');

      // Write off $2.00 of it: still open, $100.00 due; no more discounts after a write-off.
      await item.getByRole('button', { name: 'Write off' }).click();
      const writeOff = page.getByRole('dialog', { name: 'Write off' });
      await writeOff.getByLabel('Amount to write off').fill('2');
      await writeOff.getByLabel('Reason').fill('Goodwill for the cancelled lesson');
      await writeOff.getByRole('button', { name: 'Write off' }).click();
      await expect(writeOff).toBeHidden();
      await expect(item.getByRole('row', { name: /Written off: Goodwill for the cancelled lesson/ })).toContainText('−$2.00');
      await expect(item.getByTestId('invoice-amount')).toHaveText('$100.00 due');
      await expect(item.getByRole('button', { name: 'Add a discount' })).toHaveCount(0);

      // Paid in full: the invoice says so instead of offering a payment.
      await pay(page.request, first.invoice.id, 10000, 'card');
      await page.reload();
      await expect(item.getByTestId('invoice-status')).toHaveText('Paid');
      await expect(item.getByTestId('invoice-amount')).toHaveText('$102.00');
      await item.getByRole('button', { name: /^Billing Lab Sat/ }).click(); // paid invoices start folded: open it
      await expect(item.getByText('Paid in full: nothing is due.')).toBeVisible();
      await expect(item.getByRole('button', { name: 'Take a payment' })).toHaveCount(0);
      await shot('paid-in-full');

      // Void: only an invoice nobody has paid on; it then asks for nothing.
      const second = await familyWithOpenInvoice(page.request, `Moreau Void ${size.width}`);
      await page.goto(`/families/${second.family.id}`);
      const other = page.locator(`[data-invoice-id="${second.invoice.id}"]`);
      await other.getByRole('button', { name: 'Void' }).click();
      const voiding = page.getByRole('dialog', { name: 'Void this invoice' });
      await voiding.getByRole('button', { name: 'Void invoice' }).click();
      await expect(voiding.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
      await voiding.getByLabel('Reason').fill('Enrolled by mistake');
      await shot('void-dialog');
      await expectAccessible(page, 'void dialog');
      await voiding.getByRole('button', { name: 'Void invoice' }).click();
      await expect(voiding).toBeHidden();
      await expect(other.getByTestId('invoice-status')).toHaveText('Void');
      await expect(page.getByTestId('family-balance')).toHaveText('$0.00');
    });
  });
}
