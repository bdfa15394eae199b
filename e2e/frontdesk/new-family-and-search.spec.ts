import type { Page } from '@playwright/test';
import { shownDate, shownMoney } from '../fixtures/demo';
import { demoToday, expectFitsAndAccessible, firstMonthInvoice, newFamily, openDates, screens } from '../fixtures/frontdesk';
import { expect, test } from '../fixtures/test';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unique = () => `${Date.now() % 100000}`.padStart(5, '0');

/** The header's search, opened from the keyboard as staff at the desk do. */
async function openSearch(page: Page) {
  // The shortcut is the header's: pressed before the app has drawn its header, nothing hears it.
  await expect(page.getByRole('button', { name: 'Search clients, guardians and families' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog.getByLabel('Name, phone or email')).toBeFocused();
  return dialog;
}

for (const screen of screens) {
  test.describe(`on the ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test('a new family in one form, then its child enrolled; "zoe" finds Zoë', async ({ frontDesk: page, saveScreen }) => {
      const suffix = unique();
      const familyName = `Núñez ${suffix}`;
      const childName = `Zoë ${familyName}`;
      await page.goto('/clients');
      await page.getByRole('link', { name: 'New family' }).click();
      const form = page.getByRole('form', { name: 'New family' });
      await expect(form.getByLabel('Family name')).toBeFocused();
      await form.getByLabel('Family name').fill(familyName);
      await form.getByLabel('Guardian 1 name').fill(`Lucía ${familyName}`);
      await form.getByLabel('Phone').fill('call me');
      await form.getByLabel('Child 1 first name').fill('Zoë');
      // The child's last name follows the family's.
      await expect(form.getByLabel('Last name')).toHaveValue(familyName);
      await form.getByRole('button', { name: 'Add the family' }).click();
      // A refused phone number is shown beside its field, and nothing is added.
      await expect(form.getByText('must be a phone number')).toBeVisible();
      await saveScreen(`new-family-refused-${screen.name}`);
      await expectFitsAndAccessible(page, 'new family: refused');
      await form.getByLabel('Phone').fill(`+1 555 01${suffix.slice(0, 1)} ${suffix.slice(1)}`);
      await form.getByRole('button', { name: 'Add the family' }).click();

      const done = page.getByRole('status').filter({ hasText: 'is added' });
      await expect(done).toContainText(`The ${familyName} family is added, with Lucía ${familyName}.`);
      await saveScreen(`new-family-done-${screen.name}`);
      await done.getByRole('button', { name: `Enroll ${childName}` }).click();
      const enroll = page.getByRole('dialog', { name: /^Enroll/ });
      await enroll.getByRole('radio', { name: 'Swim Team Sat', exact: true }).click();
      await enroll.getByRole('button', { name: 'Continue to first date' }).click();
      const { dates } = await openDates(page.request, 'Swim Team Sat', demoToday());
      await enroll.getByRole('radio', { name: new RegExp(`^${escape(shownDate(dates[0]!))},`) }).click();
      await enroll.getByRole('button', { name: 'Continue to payment' }).click();
      await expect(enroll.getByTestId('checkout-total')).toHaveText(shownMoney(await firstMonthInvoice(page.request, 'Swim Team Sat', dates[0]!)));
      await enroll.getByRole('button', { name: 'Enroll and Pay Later' }).click();
      await expect(page.getByRole('heading', { name: childName })).toBeVisible();

      // The header search, case- and accent-insensitive: "zoe" finds Zoë.
      const search = await openSearch(page);
      await search.getByLabel('Name, phone or email').fill('zoe');
      const found = search.getByRole('link', { name: new RegExp(escape(childName)) });
      await expect(found).toBeVisible();
      await saveScreen(`search-zoe-${screen.name}`);
      await expectFitsAndAccessible(page, 'search: zoe');
      await found.click();
      await expect(page).toHaveURL(/\/clients\//);
      await expect(page.getByRole('heading', { name: childName })).toBeVisible();
    });

    test('a parent found by phone leads to the family page: guardians, children and enrollments, invoices, balance, history', async ({ frontDesk: page, saveScreen }) => {
      const suffix = unique();
      const phone = `+1 555 02${suffix.slice(0, 1)} ${suffix.slice(1)}`;
      const family = await newFamily(page.request, { familyName: 'Okafor', childFirstName: 'Ike', phone });
      const { session, dates } = await openDates(page.request, 'Junior Team Thu', demoToday());
      const enrolled = await page.request.post('/api/subscriptions', {
        headers: { 'idempotency-key': `family-page-${family.family.id}` },
        data: { clientId: family.child.id, sessionId: session.id, startsOn: dates[0], finish: { kind: 'pay_later', dueOn: null } },
      });
      expect(enrolled.status(), await enrolled.text()).toBe(201);
      const invoiceTotal = await firstMonthInvoice(page.request, 'Junior Team Thu', dates[0]!);

      await page.goto('/');
      const search = await openSearch(page);
      // Typed as a parent reads it out, without the country code or spaces.
      await search.getByLabel('Name, phone or email').fill(phone.replace('+1 ', '').replace(' ', ''));
      const guardian = search.getByRole('link', { name: new RegExp(`^Parent Okafor`) });
      await expect(guardian).toBeVisible();
      await saveScreen(`search-phone-${screen.name}`);
      await guardian.click();

      await expect(page.getByRole('heading', { name: `${family.family.name} family` })).toBeVisible();
      // Exactly the guardian's name: the Emails section also says "To Parent Okafor (guardian)".
      await expect(page.getByText('Parent Okafor', { exact: true })).toBeVisible();
      const children = page.getByRole('region', { name: 'Children and enrollments' });
      await expect(children.getByRole('link', { name: family.childName })).toBeVisible();
      await expect(children).toContainText(`Junior Team Thu from ${shownDate(dates[0]!)}`);
      await expect(page.getByTestId('family-balance')).toContainText(shownMoney(invoiceTotal));
      await expect(page.getByRole('region', { name: 'History' })).toContainText('Enrolled');
      await saveScreen(`family-page-${screen.name}`);
      await expectFitsAndAccessible(page, 'family page');
    });
  });
}
