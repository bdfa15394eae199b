import { expectAccessible, expectNoSidewaysScroll } from '../fixtures/accessibility';
import { familyBalance, familyWithOpenInvoice, screenSizes, signInAs, sizeName } from '../fixtures/billing';
import { shownMoney } from '../fixtures/demo';
import { expect, test } from '../fixtures/test';

for (const size of screenSizes) {
  test.describe(sizeName(size), () => {
    test.use({ viewport: size });

    test('front desk takes a partial payment; a manager refunds it and the invoice is open again', async ({ page, saveScreen }) => {
      await signInAs(page, 'owner');
      const { family, invoice } = await familyWithOpenInvoice(page.request, `Lindqvist ${size.width}`);
      const shot = (name: string) => saveScreen(`billing-${name}-${sizeName(size)}`);

      // Front desk: may take payments, not refund, write off or void.
      await signInAs(page, 'frontDesk');
      await page.goto(`/families/${family.id}`);
      await expect(page.getByRole('heading', { name: `${family.name} family` })).toBeVisible();
      await expect(page.getByTestId('family-balance')).toHaveText('$120.00');
      const item = page.locator(`[data-invoice-id="${invoice.id}"]`);
      await expect(item.getByTestId('invoice-status')).toHaveText('Open');
      await expect(item.getByTestId('invoice-amount')).toHaveText('$120.00 due');
      for (const hidden of ['Write off', 'Void', 'Refund a payment']) await expect(item.getByRole('button', { name: hidden })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Add account credit' })).toHaveCount(0);
      await expectNoSidewaysScroll(page, 'family page');
      await shot('family-front-desk');
      await expectAccessible(page, 'family page (front desk)');

      // Keyboard only: the button opens the dialog with focus on the amount, which defaults to all that is due.
      const takePayment = item.getByRole('button', { name: 'Take a payment' });
      await takePayment.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Take a payment' });
      const amount = dialog.getByLabel('Amount received');
      await expect(amount).toBeFocused();
      await expect(amount).toHaveValue('120.00');

      // More than is due: the server's message shows beside the amount.
      await amount.fill('150');
      await page.keyboard.press('Enter');
      await expect(amount).toHaveAttribute('aria-invalid', 'true');
      await expect(amount).toHaveAccessibleDescription(/at most \$120\.00/);
      await expect(dialog.getByRole('alert')).toHaveText(/Correct the field marked in red/);
      await shot('payment-error');
      await expectAccessible(page, 'take a payment: refused');

      await amount.fill('45.50');
      await dialog.getByLabel('Method').selectOption({ label: 'Check' });
      await dialog.getByLabel('Reference').fill('1042');
      await shot('payment-dialog');
      await dialog.getByRole('button', { name: 'Record payment' }).click();
      await expect(dialog).toBeHidden();
      await expect(item.getByTestId('invoice-status')).toHaveText('Partly paid');
      await expect(item.getByTestId('invoice-amount')).toHaveText('$74.50 due');
      await expect(item.getByRole('row', { name: /Payment by check \(1042\)/ })).toContainText('−$45.50');
      await expect(page.getByTestId('family-balance')).toHaveText('$74.50');
      // Focus came back to the button that opened the dialog (still there: $74.50 is due).
      await expect(takePayment).toBeFocused();
      // Partly paid: no discount or void any more, and the screen says why.
      await expect(item.getByRole('button', { name: 'Add a discount' })).toHaveCount(0);
      await expect(item.getByTestId('invoice-note')).toHaveText(['A discount can be added only before any payment, credit or write-off.']);
      await shot('partly-paid');
      await expectAccessible(page, 'family page: partly paid');

      // Manager: refunds the payment; what is refunded is due again.
      await signInAs(page, 'manager');
      await page.reload();
      await expect(item.getByTestId('invoice-status')).toHaveText('Partly paid');
      await expect(item.getByRole('button', { name: 'Void' })).toHaveCount(0);
      await expect(item.getByTestId('invoice-note')).toContainText(['Cannot be voided: $45.50 was received on it.']);

      // Escape closes a dialog and gives focus back.
      const writeOff = item.getByRole('button', { name: 'Write off' });
      await writeOff.click();
      await expect(page.getByRole('dialog', { name: 'Write off' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Write off' })).toBeHidden();
      await expect(writeOff).toBeFocused();

      await item.getByRole('button', { name: 'Refund a payment' }).click();
      const refund = page.getByRole('dialog', { name: 'Refund a payment' });
      await expect(refund.getByRole('radio', { name: /\$45\.50 by check \(1042\)/ })).toBeChecked();
      await expect(refund.getByLabel('Amount to refund')).toHaveValue('45.50');
      await expect(refund.getByLabel('Refunded by')).toHaveValue('check');
      // A reason is required: nothing is sent without one, and the field says so.
      await refund.getByRole('button', { name: 'Record refund' }).click();
      await expect(refund.getByLabel('Reason')).toHaveAccessibleDescription(/Say why/);
      await refund.getByLabel('Reason').fill('Paid twice by mistake');
      await shot('refund-dialog');
      await expectAccessible(page, 'refund dialog');
      await refund.getByRole('button', { name: 'Record refund' }).click();
      await expect(refund).toBeHidden();

      await expect(item.getByTestId('invoice-status')).toHaveText('Open');
      await expect(item.getByTestId('invoice-amount')).toHaveText('$120.00 due');
      await expect(item.getByRole('row', { name: /Refund by check: Paid twice by mistake/ })).toContainText('+$45.50');
      await expect(item.getByRole('row', { name: /Payment by check/ })).toContainText('$45.50 of it refunded');
      await expect(item.getByRole('row', { name: /Amount due/ })).toContainText(shownMoney(12000));
      await expect(page.getByTestId('family-balance')).toHaveText('$120.00');
      await expect(item.getByRole('button', { name: 'Refund a payment' })).toHaveCount(0);
      await expectNoSidewaysScroll(page, 'family page after the refund');
      await shot('refunded');
      await expectAccessible(page, 'family page: refunded');

      const balance = await familyBalance(page.request, family.id);
      expect(balance.balance).toBe(12000);
    });
  });
}
