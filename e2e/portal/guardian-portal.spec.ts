import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { FamilyBalanceDto } from '../../src/contracts/billing';
import type { PortalAccountDto } from '../../src/contracts/portal';
import type { SessionDatesDto } from '../../src/contracts/sessions';
import { startSmtpInbox, type SmtpInbox } from '../../src/server/testing/smtp-inbox';
import { shownDate, shownMoney } from '../fixtures/demo';
import { demoToday, expectFitsAndAccessible, firstMonthInvoice, newFamily, openDates, screens } from '../fixtures/frontdesk';
import { expect, test } from '../fixtures/test';

/**
 * Issue 18, the family portal: front desk invites a new family's guardian on the family page;
 * the guardian opens the emailed link, chooses a password, lands in the portal and sees the
 * child's class with its next dates and the invoice with the right amount, then changes an
 * email choice. Axe and no sideways scroll on every portal screen, at a phone's size and a laptop's.
 */
let inbox: SmtpInbox;
test.beforeAll(async () => {
  inbox = await startSmtpInbox({ port: Number(process.env.E2E_SMTP_PORT) });
});
test.afterAll(() => inbox.close());

/** "9:00 AM": a local time as the app shows it. */
const shownTime = (time: string) => Temporal.PlainTime.from(time).toLocaleString('en-US', { hour: 'numeric', minute: '2-digit' });

for (const screen of screens) {
  test.describe(`on the ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test('a guardian invited by front desk sets a password from the email, sees the class, next dates and invoice, and changes an email choice', async ({ frontDesk: page, saveScreen }) => {
      test.setTimeout(90_000);
      // A staff login never lands in the portal.
      await page.goto('/portal');
      await expect(page).toHaveURL(/\/$/);
      // Front desk: a new family with a child in Preschool Splash Mon (the demo's holiday is a
      // Monday, so one of its next dates is cancelled) from its next open date, paid later.
      const family = await newFamily(page.request, { familyName: 'Portal', childFirstName: 'Ava' });
      const guardian = family.guardians[0]!;
      const { session, dates } = await openDates(page.request, 'Preschool Splash Mon', demoToday());
      const firstDate = dates[0]!;
      const enrolled = await page.request.post('/api/subscriptions', {
        data: { clientId: family.child.id, sessionId: session.id, startsOn: firstDate, finish: { kind: 'pay_later' } },
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(enrolled.status(), await enrolled.text()).toBe(201);
      const firstInvoice = await firstMonthInvoice(page.request, 'Preschool Splash Mon', firstDate);
      const { balance } = (await (await page.request.get(`/api/families/${family.family.id}/balance`)).json()) as FamilyBalanceDto;
      // The class's next dates as the schedule has them (cancelled ones too), from the first date.
      const to = Temporal.PlainDate.from(firstDate).add({ days: 120 }).toString();
      const scheduled = ((await (await page.request.get(`/api/sessions/${session.id}/dates?from=${firstDate}&to=${to}`)).json()) as SessionDatesDto).dates.slice(0, 8);
      expect(scheduled.filter((d) => d.status === 'cancelled')).toHaveLength(1);

      // The family page: invite the guardian.
      await page.goto(`/families/${family.family.id}`);
      await page.getByRole('button', { name: `Invite to the family portal: ${guardian.name}` }).click();
      await expect(page.getByRole('status').filter({ hasText: `Invitation emailed to ${guardian.email}` })).toBeVisible();
      await expect(page.getByTestId(`portal-invitation-${guardian.id}`)).toContainText(`Invited to the family portal on`);
      await expect(page.getByRole('button', { name: `Send a new portal invitation: ${guardian.name}` })).toBeVisible();
      await saveScreen(`portal-invite-family-page-${screen.name}`);

      // The email, as the guardian receives it.
      await expect.poll(() => inbox.to(guardian.email!).length, { timeout: 15_000 }).toBeGreaterThan(0);
      const mail = inbox.to(guardian.email!).at(-1)!;
      expect(mail.subject).toBe('Your Riverside Swim School family portal');
      const link = new URL(/http\S+\/portal\/welcome\?\S+/.exec(mail.text!)![0]);

      // Staff sign out; the guardian opens the link on their own phone.
      await page.context().clearCookies();
      await page.goto(`${link.pathname}${link.search}`);
      await expect(page.getByRole('heading', { name: 'Welcome to the family portal' })).toBeVisible();
      await expectFitsAndAccessible(page, 'portal welcome');
      await saveScreen(`portal-welcome-${screen.name}`);
      await page.getByLabel('Choose a password').fill('short');
      await page.getByRole('button', { name: 'Set password and sign in' }).click();
      await expect(page.getByRole('alert')).toContainText('at least 10 characters');
      await page.getByLabel('Choose a password').fill('ava-swims-on-mondays');
      await page.keyboard.press('Enter');

      // Home: the child, the class and its next dates.
      await expect(page).toHaveURL(/\/portal$/);
      await expect(page.getByRole('heading', { name: family.childName })).toBeVisible();
      const card = page.getByRole('article', { name: 'Preschool Splash Mon' });
      await expect(card).toContainText(`Mon at ${shownTime('15:30')}`);
      const shown = card.getByRole('list', { name: 'Next dates' }).getByRole('listitem');
      await expect(shown).toHaveCount(scheduled.length);
      for (const [index, date] of scheduled.entries()) {
        await expect(shown.nth(index)).toContainText(date.status === 'cancelled' ? `${shownDate(date.date)}Cancelled` : `${shownDate(date.date)} at ${shownTime(date.localStartTime)}`);
      }
      await expect(card.getByText('Cancelled')).toBeVisible();
      await expect(card.getByRole('link', { name: `Ask to move Ava from Preschool Splash Mon` })).toHaveAttribute('href', `/portal/enrollments/${((await enrolled.json()) as { subscription: { id: string } }).subscription.id}/move`);
      await expect(page.getByRole('banner')).toContainText(`${family.family.name} family`);
      await expectFitsAndAccessible(page, 'portal home');
      await saveScreen(`portal-home-${screen.name}`);

      // Invoices: the first month's invoice with the amount worked out above, and the balance.
      await page.getByRole('navigation', { name: 'Family portal' }).getByRole('link', { name: 'Invoices' }).click();
      await expect(page.getByTestId('portal-balance')).toHaveText(shownMoney(balance));
      const invoice = page.getByTestId('portal-invoice').filter({ hasText: `${shownMoney(firstInvoice)} due by` });
      await expect(invoice.first()).toBeVisible();
      await expect(invoice.first()).toContainText('Open');
      await expect(page.getByRole('heading', { name: 'Statement' })).toBeVisible();
      await expectFitsAndAccessible(page, 'portal invoices');
      await saveScreen(`portal-invoices-${screen.name}`);

      // Account: no more reminder emails.
      await page.getByRole('navigation', { name: 'Family portal' }).getByRole('link', { name: 'Account' }).click();
      await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue(guardian.email!);
      const reminders = page.getByRole('checkbox', { name: /Reminders/ });
      await expect(reminders).toBeChecked();
      await reminders.focus();
      await page.keyboard.press('Space');
      await expect(page.getByRole('status').filter({ hasText: 'Your email choices are saved.' })).toBeVisible();
      await expect(reminders).not.toBeChecked();
      const account = (await (await page.request.get('/api/portal/account')).json()) as PortalAccountDto;
      expect(account.mutedKinds).toEqual(['reminders']);
      await expectFitsAndAccessible(page, 'portal account');
      await saveScreen(`portal-account-${screen.name}`);

      // A staff address is not theirs: the guardian lands in the portal.
      await page.goto('/schedule');
      await expect(page).toHaveURL(/\/portal$/);
      await expect(page.getByRole('heading', { name: 'Classes and next dates' })).toBeVisible();

      // Signed out, the guardian signs in on the same sign-in page as staff and lands in the portal.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login$/);
      await page.getByRole('textbox', { name: 'Email' }).fill(guardian.email!);
      await page.getByRole('textbox', { name: 'Password' }).fill('ava-swims-on-mondays');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/\/portal$/);
      await expect(page.getByRole('heading', { name: family.childName })).toBeVisible();
    });
  });
}
