import { Temporal } from 'temporal-polyfill';
import { shownDate, shownMoney } from '../fixtures/demo';
import { enrolledChild, expectFitsAndAccessible, firstMonthInvoice } from '../fixtures/frontdesk';
import { expect, test } from '../fixtures/test';

test.describe('a transfer on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('schedule list → roster → X → Swim Team Mon → pay later, every step fitting the screen', async ({ frontDesk: page, saveScreen }) => {
    const child = await enrolledChild(page.request, 'Phone');
    const expected = await firstMonthInvoice(page.request, 'Swim Team Mon', child.firstDate);

    await page.goto(`/?date=${child.transferDate}`);
    await page.getByRole('button', { name: /^Beginners Tue, .* enrolled/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Beginners Tue' });
    const remove = drawer.getByRole('button', { name: `Remove or transfer ${child.childName}` });
    // The row's X stays on the screen, whatever the length of the name.
    await expect(remove).toBeInViewport();
    await saveScreen('phone-transfer-roster');
    await expectFitsAndAccessible(page, 'phone: roster drawer');
    await remove.click();
    await page.getByRole('menuitem', { name: 'Transfer to another session' }).click();

    const dialog = page.getByRole('dialog', { name: /^Transfer / });
    await expect(dialog.getByRole('radio', { name: /^Advanced Wed,.*Full/ })).toBeVisible();
    await saveScreen('phone-transfer-targets');
    await expectFitsAndAccessible(page, 'phone: transfer targets');
    await dialog.getByRole('radio', { name: /^Swim Team Mon,/ }).click();
    await dialog.getByRole('button', { name: 'Continue to dates' }).click();
    await expect(dialog.getByText('Ready for payment')).toBeVisible();
    await expectFitsAndAccessible(page, 'phone: transfer dates');
    await dialog.getByRole('button', { name: 'Continue to payment' }).click();
    await expect(dialog.getByTestId('checkout-total')).toHaveText(shownMoney(expected));
    await saveScreen('phone-transfer-checkout');
    await expectFitsAndAccessible(page, 'phone: checkout');

    // The finish buttons are read whole, not cut to "Enro".
    const payLater = dialog.getByRole('button', { name: 'Enroll and Pay Later' });
    const fits = await payLater.evaluate((button) => button.scrollWidth <= button.clientWidth);
    expect(fits).toBe(true);
    await payLater.click();
    await expect(page.getByTestId('transfer-event')).toContainText(
      `Transferred from Beginners Tue to Swim Team Mon on ${shownDate(child.transferDate)}`,
    );
    await saveScreen('phone-transfer-done');
    await expectFitsAndAccessible(page, 'phone: client profile after transfer');
  });
});

test.describe('a transfer by keyboard alone', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('focus follows each step; the session list is one Tab stop crossed with arrow keys', async ({ frontDesk: page, saveScreen }) => {
    const child = await enrolledChild(page.request, 'Keyboard');
    const expected = await firstMonthInvoice(page.request, 'Swim Team Mon', child.firstDate);
    const weekday = Temporal.PlainDate.from(child.transferDate).dayOfWeek;
    expect(weekday).toBe(2);

    await page.goto(`/clients/${child.child.id}`);
    await page.getByRole('button', { name: 'Update Beginners Tue enrollment' }).focus();
    await page.keyboard.press('Enter');
    const update = page.getByRole('dialog', { name: /^Update / });
    await update.getByLabel('Transfer from').selectOption(child.transferDate);
    await update.getByRole('button', { name: 'Choose the new session' }).focus();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: /^Transfer / });
    const radios = dialog.getByRole('radio');
    await expect(radios.first()).toBeVisible();
    // One Tab stop: only one card of the list is reachable with Tab.
    const reachable = await radios.evaluateAll((cards) => cards.filter((card) => card.getAttribute('tabindex') !== '-1').length);
    expect(reachable).toBe(1);
    await radios.first().focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 30; i += 1) {
      if (await dialog.getByRole('radio', { name: /^Swim Team Mon,/ }).isChecked()) break;
      await page.keyboard.press('ArrowDown');
    }
    await expect(dialog.getByRole('radio', { name: /^Swim Team Mon,/ })).toBeFocused();
    await expect(dialog.getByRole('radio', { name: /^Swim Team Mon,/ })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Continue to dates' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: 'First and last dates' })).toBeFocused();
    await expect(dialog.getByText('Ready for payment')).toBeVisible();
    await dialog.getByRole('button', { name: 'Continue to payment' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: 'Payment' })).toBeFocused();
    await expect(dialog.getByTestId('checkout-total')).toHaveText(shownMoney(expected));

    await dialog.getByRole('button', { name: 'Add A Discount' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByLabel('Amount off')).toBeFocused();
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Welcome back');
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('checkout-total')).toHaveText(shownMoney(expected - 500));
    await saveScreen('keyboard-transfer-checkout');
    await expectFitsAndAccessible(page, 'keyboard: checkout');

    await dialog.getByRole('button', { name: 'Enroll and Pay Later' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('transfer-event')).toContainText(`Transferred from Beginners Tue to Swim Team Mon`);
  });
});
