import { mkdirSync } from 'node:fs';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { Temporal } from 'temporal-polyfill';
import type { EnrollResultDto } from '../../src/contracts/enrollment';
import type { InstructorDto } from '../../src/contracts/instructors';
import type { LocationDto } from '../../src/contracts/locations';
import type { ServiceDto } from '../../src/contracts/services';
import type { SessionDto } from '../../src/contracts/sessions';
import type { TransferRequestDto } from '../../src/contracts/transfer-requests';
import { startSmtpInbox, type SmtpInbox } from '../../src/server/testing/smtp-inbox';
import { logins } from '../fixtures/billing';
import { clientProfile, demo, sessionNamed, shownDate } from '../fixtures/demo';
import { expectFitsAndAccessible, newFamily } from '../fixtures/frontdesk';
import { expect, signIn, test } from '../fixtures/test';
import { transferDialog } from '../fixtures/transfer-dialog';

/**
 * Issue 18's transfer requests: a guardian invited to the portal asks on a phone to move a
 * child; the front desk sees the badge, reviews the request in the transfer dialog and approves
 * it through checkout, or declines it with a reason; with the organization's rule on, a request
 * for the same service at the same price is approved at once. Each test makes a family of its
 * own and moves it between sessions of this spec's own (so no demo session's seats are used).
 */
const phone = { width: 390, height: 844 };
const desk = { width: 1366, height: 768 };
const GUARDIAN_PASSWORD = 'portal-parent-2027';
const LAB = { from: 'Requests Lab Mon', to: 'Requests Lab Wed', pricier: 'Requests Lab Fri' } as const;

let inbox: SmtpInbox;
test.beforeAll(async () => {
  inbox = await startSmtpInbox({ port: Number(process.env.E2E_SMTP_PORT) });
});
test.afterAll(() => inbox.close());

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** This spec's sessions (Group Swim Lessons, 30 seats, weekly since two months ago); made once by a manager. */
async function labSessions(request: APIRequestContext): Promise<Record<keyof typeof LAB, SessionDto>> {
  const { items } = await ok<{ items: SessionDto[] }>(await request.get('/api/sessions?limit=200'));
  const [services, instructors, locations] = await Promise.all([
    ok<{ items: ServiceDto[] }>(await request.get('/api/services')),
    ok<{ items: InstructorDto[] }>(await request.get('/api/instructors')),
    ok<{ items: LocationDto[] }>(await request.get('/api/locations')),
  ]);
  const specs = { from: { weekday: 1, price: 8000 }, to: { weekday: 3, price: 8000 }, pricier: { weekday: 5, price: 9000 } };
  for (const [key, name] of Object.entries(LAB) as [keyof typeof LAB, string][]) {
    if (items.some((s) => s.name === name)) continue;
    await ok(
      await request.post('/api/sessions', {
        data: {
          serviceId: services.items.find((s) => s.name === 'Group Swim Lessons')!.id,
          name,
          weekdays: [specs[key].weekday],
          startTime: '16:00',
          durationMinutes: 45,
          startsOn: Temporal.Now.plainDateISO(demo.timeZone).subtract({ days: 60 }).toString(),
          endsOn: null,
          capacity: 30,
          instructorId: instructors.items[2]!.id,
          locationId: locations.items[1]!.id,
          paymentPlan: 'monthly',
          price: specs[key].price,
        },
      }),
    );
  }
  return { from: await sessionNamed(request, LAB.from), to: await sessionNamed(request, LAB.to), pricier: await sessionNamed(request, LAB.pricier) };
}

/**
 * A new family whose child has been in Requests Lab Mon for a few weeks, and its guardian
 * invited to the portal as staff invite (the email's link), with a password chosen. `staff` is
 * a manager's page (enrolling from a past date is a manager's).
 */
async function invitedFamily(staff: Page, anonymous: APIRequestContext, familyName: string) {
  const lab = await labSessions(staff.request);
  const family = await newFamily(staff.request, { familyName, childFirstName: 'Nia' });
  const guardian = family.guardians[0]!;
  const startsOn = lab.from.nextDates[0]!;
  const enrolled = await ok<EnrollResultDto>(
    await staff.request.post('/api/subscriptions', {
      headers: { 'idempotency-key': `requests-${family.child.id}` },
      data: { clientId: family.child.id, sessionId: lab.from.id, startsOn: Temporal.PlainDate.from(startsOn).subtract({ weeks: 3 }).toString(), finish: { kind: 'pay_later' } },
    }),
  );
  await ok(await staff.request.post(`/api/guardians/${guardian.id}/portal-invitation`, { data: {} }));
  // The family also hears of the enrollment; the invitation is the email with the welcome link.
  const welcome = /http\S+\/portal\/welcome\?\S+/;
  const invitation = () => inbox.to(guardian.email!).find((m) => welcome.test(m.text ?? ''));
  await expect.poll(invitation, { timeout: 15_000 }).toBeDefined();
  const link = new URL(welcome.exec(invitation()!.text!)![0]);
  // The welcome page's call: from the guardian's browser, not the staff member's signed-in one.
  await ok(await anonymous.post('/api/auth/reset-password', { data: { token: link.searchParams.get('token'), newPassword: GUARDIAN_PASSWORD } }));
  return { family, lab, guardian, subscriptionId: enrolled.subscription.id, childName: family.childName };
}

/** A phone-sized browser signed in as the guardian. */
async function guardianPhone(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: phone });
  const page = await context.newPage();
  const response = await page.request.post('/api/auth/sign-in/email', { data: { email, password: GUARDIAN_PASSWORD } });
  expect(response.ok(), await response.text()).toBe(true);
  return page;
}

/** Saves test-results/screens/<name>.png of the guardian's own browser (saveScreen shows the staff page). */
async function saveParentScreen(parent: Page, name: string) {
  mkdirSync('test-results/screens', { recursive: true });
  await parent.screenshot({ path: `test-results/screens/${name}.png`, animations: 'disabled' });
}

/** The first coming date of a lab session after today, as the portal offers it. */
const firstComing = (session: SessionDto) => session.nextDates.find((d) => d > Temporal.Now.plainDateISO(demo.timeZone).toString())!;

test.describe.configure({ mode: 'serial' });

test('a guardian asks on a phone; the front desk sees the badge, reviews the request in the transfer dialog and approves it with Pay Later; the guardian sees Approved', async ({ page, browser, request, saveScreen }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(desk);
  await signIn(page, logins.manager);
  const { lab, guardian, subscriptionId, childName } = await invitedFamily(page, request, 'Okoro');
  const firstDate = firstComing(lab.to);

  const parent = await guardianPhone(browser, guardian.email!);
  // From the portal's Home, as a parent finds it.
  await parent.goto('/portal');
  await parent.getByRole('link', { name: new RegExp(`^Ask to move Nia from ${LAB.from}`) }).click();
  await expect(parent).toHaveURL(new RegExp(`/portal/enrollments/${subscriptionId}/move$`));
  const form = parent.getByRole('form', { name: `Move ${childName}` });
  await expect(form.getByRole('heading', { name: `Move ${childName}` })).toBeVisible();
  // A full session is listed as full and cannot be chosen (Beginners Thu is full in the demo).
  await expect(form.getByRole('radio', { name: 'Beginners Thu, Full' })).toBeDisabled();
  await form.getByRole('radio', { name: /^Requests Lab Wed, \d+ seats free/ }).click();
  await expect(form.getByLabel('First date in the new session')).toHaveValue(firstDate);
  await form.getByLabel('Note for the school').fill('Mondays clash with football practice.');
  await saveParentScreen(parent, 'portal-move-390x844');
  await expectFitsAndAccessible(parent, 'portal: move');
  await form.getByRole('button', { name: 'Send request' }).focus();
  await parent.keyboard.press('Enter');
  await expect(parent.getByRole('heading', { name: 'Request sent' })).toBeVisible();
  await expect(parent.getByText(`from ${shownDate(firstDate)}`)).toBeVisible();
  await saveParentScreen(parent, 'portal-request-sent-390x844');
  await expectFitsAndAccessible(parent, 'portal: request sent');
  await parent.getByRole('link', { name: 'See my requests' }).click();
  await expect(parent.getByRole('navigation', { name: 'Family portal' }).getByRole('link', { name: 'Requests' })).toHaveAttribute('aria-current', 'page');
  const mine = parent.getByTestId('my-request').first();
  await expect(mine).toContainText('Waiting for the school');

  // The front desk, at a desk.
  await signIn(page, logins.frontDesk);
  await page.goto('/');
  const requestsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Requests/ });
  await expect(requestsLink.getByTestId('requests-badge')).toBeVisible();
  await requestsLink.click();
  await expect(page.getByRole('heading', { name: 'Transfer requests' })).toBeVisible();
  const row = page.getByTestId('transfer-request').filter({ hasText: childName });
  await expect(row).toContainText('Mondays clash with football practice.');
  await saveScreen('staff-requests-1366x768');
  await expectFitsAndAccessible(page, 'staff: requests');
  // By keyboard, as at the desk.
  await row.getByRole('button', { name: `Review ${childName}'s request` }).focus();
  await page.keyboard.press('Enter');
  const transfer = transferDialog(page);
  await expect(transfer.dialog.getByTestId('request-note')).toContainText('Mondays clash with football practice.');
  await expect(transfer.dialog.getByRole('radio', { name: /^Requests Lab Wed,/ })).toBeChecked();
  await saveScreen('staff-review-request-1366x768');
  await expectFitsAndAccessible(page, 'staff: review request');
  await transfer.dialog.getByRole('button', { name: 'Continue to dates' }).click();
  await transfer.continueToPayment();
  await transfer.dialog.getByRole('form', { name: 'Pay later' }).getByRole('button', { name: 'Enroll and Pay Later' }).click();
  await expect(page.getByText('Request approved')).toBeVisible();
  await expect(row).toBeHidden();

  await parent.reload();
  await expect(parent.getByTestId('my-request').first()).toContainText('Approved');
  await saveParentScreen(parent, 'portal-requests-approved-390x844');
  await expect.poll(() => inbox.to(guardian.email!).map((m) => m.subject), { timeout: 15_000 }).toContain(`Approved: ${childName} moves to Requests Lab Wed from ${shownDate(firstDate)}`);
  await parent.context().close();
});

test('the front desk declines with a reason the guardian reads; the pages fit both sizes', async ({ page, browser, request, saveScreen }) => {
  test.setTimeout(180_000);
  await signIn(page, logins.manager);
  const { lab, guardian, subscriptionId, childName } = await invitedFamily(page, request, 'Haddad');
  const parent = await guardianPhone(browser, guardian.email!);
  const asked = await parent.request.post('/api/portal/transfer-requests', {
    headers: { 'idempotency-key': `decline-${subscriptionId}` },
    data: { subscriptionId, targetSessionId: lab.pricier.id, firstSessionDate: firstComing(lab.pricier), note: 'Fridays suit us better.' },
  });
  expect(asked.status(), await asked.text()).toBe(201);

  await signIn(page, logins.frontDesk);
  for (const size of [phone, desk]) {
    await page.setViewportSize(size);
    await page.goto('/requests');
    await expect(page.getByTestId('transfer-request').filter({ hasText: childName })).toBeVisible();
    await saveScreen(`staff-requests-${size.width}x${size.height}`);
    await expectFitsAndAccessible(page, `staff: requests ${size.width}`);
  }
  const row = page.getByTestId('transfer-request').filter({ hasText: childName });
  await row.getByRole('button', { name: `Decline ${childName}'s request` }).click();
  const dialog = page.getByRole('dialog', { name: 'Decline the request' });
  await expect(dialog.getByLabel('Reason')).toBeFocused();
  await dialog.getByRole('button', { name: 'Decline request' }).click();
  await expect(dialog.getByText('Say why, so the family knows')).toBeVisible();
  await dialog.getByLabel('Reason').fill('Requests Lab Fri is for swimmers who passed the level 2 test.');
  await saveScreen('staff-decline-1366x768');
  await expectFitsAndAccessible(page, 'staff: decline');
  // By keyboard: the reason is a text area (Enter adds a line), so Tab on to the button.
  await dialog.getByRole('button', { name: 'Decline request' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Request declined')).toBeVisible();
  await expect(row).toBeHidden();

  for (const size of [phone, desk]) {
    await parent.setViewportSize(size);
    await parent.goto('/portal/requests');
    const mine = parent.getByTestId('my-request').first();
    await expect(mine).toContainText('Declined');
    await expect(mine).toContainText('The reason: Requests Lab Fri is for swimmers who passed the level 2 test.');
    await saveParentScreen(parent, `portal-requests-declined-${size.width}x${size.height}`);
    await expectFitsAndAccessible(parent, `portal: requests ${size.width}`);
  }
  await parent.context().close();
});

test("with the organization's rule on, a move to the same service at the same price is approved at once with Pay Later", async ({ page, browser, request, saveScreen }) => {
  test.setTimeout(180_000);
  await signIn(page, logins.manager);
  await page.setViewportSize(desk);
  const { lab, guardian, subscriptionId, childName } = await invitedFamily(page, request, 'Lindqvist');
  await page.goto('/setup/billing');
  const settings = page.getByRole('form', { name: 'Billing settings' });
  await settings.getByRole('switch', { name: 'Approve transfer requests automatically' }).check({ force: true });
  await settings.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByText('Billing settings saved')).toBeVisible();
  await saveScreen('billing-settings-auto-approve-1366x768');
  try {
    const parent = await guardianPhone(browser, guardian.email!);
    await parent.goto(`/portal/enrollments/${subscriptionId}/move`);
    const form = parent.getByRole('form', { name: `Move ${childName}` });
    await form.getByRole('radio', { name: /^Requests Lab Wed,/ }).click();
    await form.getByRole('button', { name: 'Send request' }).click();
    await expect(parent.getByRole('heading', { name: 'Approved' })).toBeVisible();
    await expect(parent.getByText(`${childName} moves to Requests Lab Wed`)).toBeVisible();
    await saveParentScreen(parent, 'portal-approved-at-once-390x844');
    await expectFitsAndAccessible(parent, 'portal: approved at once');
    await parent.goto('/portal/requests');
    await expect(parent.getByTestId('my-request').first()).toContainText("Approved automatically by the school's rules.");
    // The transfer was made by the same service, with Pay Later, and the rules are named as who decided.
    const approved = await ok<{ items: TransferRequestDto[] }>(await page.request.get('/api/transfer-requests?status=approved&limit=200'));
    const request = approved.items.find((r) => r.childName === childName)!;
    expect(request).toMatchObject({ decidedBy: 'rules', to: { sessionId: lab.to.id } });
    const profile = await clientProfile(page.request, request.clientId);
    expect(profile.transfers).toEqual([expect.objectContaining({ checkout: 'pay_later', status: 'completed' })]);
    await parent.context().close();
  } finally {
    await ok(await page.request.patch('/api/organization/billing-settings', { data: { autoApproveTransferRequests: false } }));
  }
});
