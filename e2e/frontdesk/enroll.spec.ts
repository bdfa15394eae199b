import type { Page } from '@playwright/test';
import { shownDate, shownMoney } from '../fixtures/demo';
import { demoToday, expectFitsAndAccessible, firstMonthInvoice, newFamily, openDates, screens } from '../fixtures/frontdesk';
import { expect, test } from '../fixtures/test';

// Each test enrolls in a session of its own (at both sizes), so no session fills up during a run.
const ROSTER_SESSION = 'Intermediate Mon';
const SESSION_VIEW_SESSION = 'Intermediate Tue';
const PROFILE_SESSION = 'Swim Team Wed';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The enroll dialog, stepped through as the front desk does. */
function enrollDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: /^Enroll/ });
  return {
    dialog,
    async chooseClient(name: string) {
      await dialog.getByLabel('Client, parent or family').fill(name);
      await dialog.getByRole('radio', { name: new RegExp(`^${escape(name)},`) }).click();
      await dialog.getByRole('button', { name: 'Continue to session' }).click();
    },
    async chooseFirstDate(date: string) {
      await dialog.getByRole('radio', { name: new RegExp(`^${escape(shownDate(date))},`) }).click();
      await dialog.getByRole('button', { name: 'Continue to payment' }).click();
      await expect(dialog.getByRole('heading', { name: 'Payment' })).toBeFocused();
    },
  };
}

for (const screen of screens) {
  test.describe(`enroll on the ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test('from the schedule’s roster drawer: a prorated first month, paid later', async ({ frontDesk: page, saveScreen }) => {
      const family = await newFamily(page.request, { familyName: 'Roster', childFirstName: 'Ada' });
      const { dates } = await openDates(page.request, ROSTER_SESSION, demoToday());
      const [shownOn, firstDate] = [dates[0]!, dates[1]!];
      const expected = await firstMonthInvoice(page.request, ROSTER_SESSION, firstDate);

      await page.goto(`/?date=${shownOn}`);
      await page.getByRole('button', { name: new RegExp(`^${ROSTER_SESSION}, .* enrolled`) }).first().click();
      const drawer = page.getByRole('dialog', { name: ROSTER_SESSION });
      await drawer.getByRole('button', { name: 'Enroll a client' }).click();
      const enroll = enrollDialog(page);
      await enroll.chooseClient(family.childName);
      // Dates start at the one clicked, each with its free seats.
      await expect(enroll.dialog.getByRole('radio', { name: new RegExp(`^${escape(shownDate(shownOn))}, \\d+ free`) })).toBeVisible();
      await saveScreen(`enroll-roster-dates-${screen.name}`);
      await expectFitsAndAccessible(page, 'enroll: first date');
      await enroll.chooseFirstDate(firstDate);

      await expect(enroll.dialog.getByTestId('checkout-total')).toHaveText(shownMoney(expected));
      await saveScreen(`enroll-roster-checkout-${screen.name}`);
      await expectFitsAndAccessible(page, 'enroll: checkout');
      await enroll.dialog.getByRole('button', { name: 'Enroll and Pay Later' }).click();

      await expect(page).toHaveURL(`/clients/${family.child.id}`);
      await expect(page.getByText(`${family.childName} is enrolled in ${ROSTER_SESSION} from ${shownDate(firstDate)}.`)).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Enrollments' }).locator('..').locator('..')).toContainText(ROSTER_SESSION);
      await expect(page.getByText(`${shownMoney(expected)} due`).first()).toBeVisible();
    });

    test('from the session view: a percent discount says what it is taken of', async ({ frontDesk: page, saveScreen }) => {
      const family = await newFamily(page.request, { familyName: 'Session', childFirstName: 'Bea' });
      const { session, dates } = await openDates(page.request, SESSION_VIEW_SESSION, demoToday());
      const firstDate = dates[1]!;
      const subtotal = await firstMonthInvoice(page.request, SESSION_VIEW_SESSION, firstDate);
      const discount = Math.round(subtotal * 0.1);

      await page.goto(`/sessions/${session.id}?date=${dates[0]}`);
      await page.getByRole('button', { name: 'Enroll a client' }).click();
      const enroll = enrollDialog(page);
      await enroll.chooseClient(family.childName);
      await enroll.chooseFirstDate(firstDate);
      await expect(enroll.dialog.getByTestId('checkout-total')).toHaveText(shownMoney(subtotal));

      await enroll.dialog.getByRole('button', { name: 'Add A Discount' }).click();
      const form = enroll.dialog.getByRole('form', { name: 'Add a discount' });
      await form.getByText('Percent', { exact: true }).click();
      await form.getByLabel('Percent off').fill('10');
      await form.getByLabel('Reason').fill('Sibling discount');
      await form.getByRole('button', { name: 'Add discount' }).click();
      await expect(enroll.dialog.getByText(`10% off ${shownMoney(subtotal)}`)).toBeVisible();
      await expect(enroll.dialog.getByTestId('checkout-total')).toHaveText(shownMoney(subtotal - discount));
      await saveScreen(`enroll-session-discount-${screen.name}`);
      await expectFitsAndAccessible(page, 'enroll: discount');

      await enroll.dialog.getByRole('button', { name: 'Enroll and Pay Now' }).click();
      await expect(page).toHaveURL(`/clients/${family.child.id}`);
      await expect(page.getByText('Paid').first()).toBeVisible();
    });

    test('from the client profile: choose the session, then the date', async ({ frontDesk: page, saveScreen }) => {
      const family = await newFamily(page.request, { familyName: 'Profile', childFirstName: 'Cal' });
      const { dates } = await openDates(page.request, PROFILE_SESSION, demoToday());
      const firstDate = dates[0]!;
      const expected = await firstMonthInvoice(page.request, PROFILE_SESSION, firstDate);

      await page.goto(`/clients/${family.child.id}`);
      await expect(page.getByText('Not enrolled in any session.')).toBeVisible();
      await page.getByRole('button', { name: 'Enroll in a session' }).click();
      const enroll = enrollDialog(page);
      await expect(enroll.dialog.getByRole('heading', { name: 'Which session?' })).toBeFocused();
      await enroll.dialog.getByRole('radio', { name: PROFILE_SESSION, exact: true }).click();
      await enroll.dialog.getByRole('button', { name: 'Continue to first date' }).click();
      await saveScreen(`enroll-profile-dates-${screen.name}`);
      await enroll.chooseFirstDate(firstDate);
      await expect(enroll.dialog.getByTestId('checkout-total')).toHaveText(shownMoney(expected));
      await expectFitsAndAccessible(page, 'enroll from profile: checkout');
      await enroll.dialog.getByRole('button', { name: 'Enroll and Pay Later' }).click();
      await expect(page.getByText(`${family.childName} is enrolled in ${PROFILE_SESSION} from ${shownDate(firstDate)}.`)).toBeVisible();
      await expect(page.getByText('Not enrolled in any session.')).toBeHidden();
      await saveScreen(`enroll-profile-done-${screen.name}`);
    });
  });
}
