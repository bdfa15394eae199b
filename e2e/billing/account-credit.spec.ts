import { expectAccessible, expectNoSidewaysScroll } from '../fixtures/accessibility';
import { familyWithOpenInvoice, screenSizes, signInAs, sizeName } from '../fixtures/billing';
import { expect, test } from '../fixtures/test';

for (const size of screenSizes) {
  test.describe(sizeName(size), () => {
    test.use({ viewport: size });

    test('a manager adds account credit and the front desk applies it to an open invoice', async ({ page, saveScreen }) => {
      await signInAs(page, 'owner');
      const { family, invoice } = await familyWithOpenInvoice(page.request, `Okafor ${size.width}`);
      const shot = (name: string) => saveScreen(`billing-${name}-${sizeName(size)}`);
      const item = page.locator(`[data-invoice-id="${invoice.id}"]`);

      await signInAs(page, 'manager');
      await page.goto(`/families/${family.id}`);
      await expect(page.getByTestId('account-credit')).toHaveText('$0.00');
      // No credit held: nothing to apply.
      await expect(item.getByRole('button', { name: 'Apply account credit' })).toHaveCount(0);

      await page.getByRole('button', { name: 'Add account credit' }).click();
      const add = page.getByRole('dialog', { name: 'Add account credit' });
      await expect(add.getByLabel('Amount')).toBeFocused();
      await add.getByRole('button', { name: 'Add credit' }).click();
      await expect(add.getByLabel('Amount')).toHaveAccessibleDescription(/Enter the amount of credit/);
      await expect(add.getByLabel('Reason')).toHaveAccessibleDescription(/Say why/);
      await add.getByLabel('Amount').fill('48');
      await add.getByLabel('Reason').fill('Unused paid sessions of Beginners Tue');
      await shot('account-credit-dialog');
      await expectAccessible(page, 'add account credit');
      await add.getByRole('button', { name: 'Add credit' }).click();
      await expect(add).toBeHidden();
      await expect(page.getByTestId('account-credit')).toHaveText('$48.00');
      await expect(page.getByTestId('family-balance')).toHaveText('$72.00');

      // Front desk: may apply the credit, not add any.
      await signInAs(page, 'frontDesk');
      await page.reload();
      await expect(page.getByRole('button', { name: 'Add account credit' })).toHaveCount(0);
      await item.getByRole('button', { name: 'Apply account credit' }).click();
      const apply = page.getByRole('dialog', { name: 'Apply account credit' });
      // Defaults to as much as is both held and due.
      await expect(apply.getByLabel('Credit to apply')).toHaveValue('48.00');
      await shot('apply-credit-dialog');
      await expectAccessible(page, 'apply account credit');
      await apply.getByRole('button', { name: 'Apply credit' }).click();
      await expect(apply).toBeHidden();

      await expect(page.getByTestId('account-credit')).toHaveText('$0.00');
      await expect(page.getByTestId('family-balance')).toHaveText('$72.00');
      await expect(item.getByTestId('invoice-status')).toHaveText('Partly paid');
      await expect(item.getByTestId('invoice-amount')).toHaveText('$72.00 due');
      await expect(item.getByRole('row', { name: /Account credit applied/ })).toContainText('−$48.00');
      await expect(item.getByRole('button', { name: 'Apply account credit' })).toHaveCount(0);
      await expect(item.getByRole('button', { name: 'Add a discount' })).toHaveCount(0);
      await expectNoSidewaysScroll(page, 'family page after applying credit');
      await shot('credit-applied');
      await expectAccessible(page, 'family page: credit applied');
    });
  });
}
