import type { Locator, Page } from '@playwright/test';
import { patelFamilyId } from '../fixtures/billing';
import { screens } from '../fixtures/frontdesk';
import { expect, test } from '../fixtures/test';

/**
 * The dialogs whose code loads when first wanted (the header search, the enroll dialog, the
 * schedule's roster drawer) give focus back to what opened them when closed with Escape, so
 * someone at the desk without a mouse carries on from where they were.
 */
async function opensAndGivesFocusBack(page: Page, trigger: Locator, dialog: Locator) {
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(trigger).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
}

for (const screen of screens) {
  test.describe(`on the ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test('closing a dialog with Escape gives focus back to the button that opened it', async ({ frontDesk: page }) => {
      const { mayaId } = await patelFamilyId(page.request);
      await page.goto(`/clients/${mayaId}`);
      await expect(page.getByRole('heading', { name: 'Maya Patel' })).toBeVisible();

      await opensAndGivesFocusBack(page, page.getByRole('button', { name: 'Search clients, guardians and families' }), page.getByRole('dialog', { name: 'Search' }));
      await opensAndGivesFocusBack(page, page.getByRole('button', { name: 'Enroll in a session' }), page.getByRole('dialog', { name: /^Enroll Maya Patel/ }));

      if (screen.name === 'phone') {
        // On a phone the week is a list of buttons, one per session date.
        await page.goto('/');
        const firstDate = page.getByRole('button', { name: /enrolled/ }).first();
        await expect(firstDate).toBeVisible();
        await opensAndGivesFocusBack(page, firstDate, page.getByRole('dialog'));
      }
    });
  });
}
