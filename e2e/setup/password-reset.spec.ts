import { expectAccessible, expectNoSidewaysScroll } from '../fixtures/accessibility';
import { screenSizes, sizeName } from '../fixtures/billing';
import { expect, test } from '../fixtures/test';

/** "Forgot password?" by keyboard alone, at both sizes; an old reset link is refused in words. */
for (const size of screenSizes) {
  test(`${sizeName(size)}: forgot password, then an old reset link, by keyboard only`, async ({ page, saveScreen }) => {
    await page.setViewportSize(size);
    await page.goto('/login');
    const forgot = page.getByRole('link', { name: 'Forgot password?' });
    for (let i = 0; i < 8 && !(await forgot.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(forgot).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
    await expect(page.getByLabel('Email')).toBeFocused();
    await page.keyboard.type('frontdesk@riverside-swim.example.com');
    await saveScreen(`forgot-password-${sizeName(size)}`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toContainText('an email with a link to choose a new password is on its way');
    await expectAccessible(page, `forgot password ${sizeName(size)}`);
    await expectNoSidewaysScroll(page, `forgot password ${sizeName(size)}`);

    await page.goto('/reset-password?token=not-a-real-token');
    await expect(page.getByLabel('New password')).toBeFocused();
    await page.keyboard.type('a-brand-new-password-2027');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('This reset link is old or was used already');
    await expectAccessible(page, `reset password ${sizeName(size)}`);
    await expectNoSidewaysScroll(page, `reset password ${sizeName(size)}`);
    await saveScreen(`reset-password-${sizeName(size)}`);
  });
}
