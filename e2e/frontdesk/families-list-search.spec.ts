import type { Page } from '@playwright/test';
import { expectFitsAndAccessible, newFamily, screens } from '../fixtures/frontdesk';
import { expect, test } from '../fixtures/test';

/** Tabs from the top of the page to the families search, as someone at the desk without a mouse would. */
async function tabToSearch(page: Page) {
  const field = page.getByRole('searchbox', { name: 'Search families' });
  await page.locator('body').focus();
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    if (await field.evaluate((element) => element === document.activeElement)) return field;
  }
  throw new Error('The families search cannot be reached with Tab');
}

for (const screen of screens) {
  test.describe(`on the ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test('the families list finds a family by a guardian’s phone and by "zoe" for Zoë, the count announced', async ({ frontDesk: page, saveScreen }) => {
      const digits = `${Date.now() % 10_000_000}`.padStart(7, '0');
      const tag = `${Date.now().toString(36)}`;
      const byPhone = await newFamily(page.request, { familyName: 'Adeyemi', childFirstName: 'Tobi', phone: `+1 (555) ${digits.slice(0, 3)}-${digits.slice(3)}` });
      const byAccent = await newFamily(page.request, { familyName: 'Lindqvist', childFirstName: 'Ola', guardianName: `Zoë Quist${tag}` });

      await page.goto('/setup/families');
      const search = await tabToSearch(page);
      // The phone as a parent reads it out: digits only, no country code.
      await page.keyboard.type(digits);
      const status = page.getByText(/^\d+ famil(y matches|ies match)/);
      await expect(status).toHaveText(`1 family matches “${digits}”.`);
      await expect(status).toHaveAttribute('aria-live', 'polite');
      await expect(page.getByRole('link', { name: byPhone.family.name })).toBeVisible();
      await saveScreen(`families-search-phone-${screen.name}`);
      await expectFitsAndAccessible(page, 'families list: search by phone');

      // Case- and accent-insensitive: "zoe quist…" finds the family of Zoë Quist….
      await search.fill(`ZOE quist${tag}`);
      await expect(status).toHaveText(`1 family matches “ZOE quist${tag}”.`);
      await expect(page.getByRole('link', { name: byAccent.family.name })).toBeVisible();
      await expect(page.getByRole('link', { name: byPhone.family.name })).toHaveCount(0);

      await search.fill(`nobody ${tag}`);
      await expect(page.getByText(`No family matches “nobody ${tag}”`)).toBeVisible();
      await expect(status).toHaveText(`0 families match “nobody ${tag}”.`);
      await saveScreen(`families-search-none-${screen.name}`);
      await expectFitsAndAccessible(page, 'families list: nothing found');
    });
  });
}
