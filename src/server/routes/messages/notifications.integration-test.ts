import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { buildClient, buildGuardian } from '../../../db/seed/builders.js';
import { buildE1Scenario, e1Request, type E1Scenario } from '../../testing/e1-scenario.js';
import { startSmtpInbox, type SmtpInbox } from '../../testing/smtp-inbox.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';
import { smtpTransport } from '../../services/notifications/mail-transport.js';
import { sendWaitingMessages } from '../../services/notifications/send-waiting-messages.js';
import { remindDueInvoices } from '../../services/notifications/remind-due-invoices.js';
import { Temporal } from 'temporal-polyfill';

let server: TestServer;
let inbox: SmtpInbox;
beforeAll(async () => {
  [server, inbox] = await Promise.all([startTestServer(), startSmtpInbox()]);
});
afterAll(async () => {
  await server.close();
  await inbox.close();
});
afterEach(() => {
  server.clock.reset();
  inbox.answerWith('accept');
});

/** The organizations this file made: its sender sends only theirs (other test files may share the database). */
const organizationIds: string[] = [];

/** One round of the outbox's sender against the test's SMTP server (what the worker does every few seconds). */
async function sendNow(url = inbox.url) {
  const transport = smtpTransport(url);
  try {
    return await sendWaitingMessages(server.db, transport, { fromAddress: 'office@riverside.example.test', organizationIds });
  } finally {
    transport.close();
  }
}

/** E1 with a second guardian, both with addresses, and the instructors' addresses. */
async function scenario() {
  const s = await buildE1Scenario(server.db);
  organizationIds.push(s.organization.id);
  const priya = (await guardianRepository.listForFamilies(server.db, s.organization.id, [s.family.id]))[0]!;
  const raj = await buildGuardian(server.db, s.organization.id, { familyId: s.family.id, name: 'Raj Patel', email: `raj-${randomUUID().slice(0, 8)}@example.test` });
  const instructorOf = async (instructorId: string) => (await instructorRepository.findById(server.db, s.organization.id, instructorId))!;
  return {
    ...s,
    priya,
    raj,
    beginnersCoach: await instructorOf(s.beginnersTue.instructorId),
    intermediateCoach: await instructorOf(s.intermediateThu.instructorId),
  };
}

/** A header as the mail client received it (mailparser folds List-* headers into one object). */
const header = (mail: ParsedMail, key: string) => mail.headerLines.find((h) => h.key === key)?.line.slice(key.length + 1).trim();

const transferE1 = (s: E1Scenario, finish: object = { kind: 'pay_later' }) =>
  server
    .as(s.organization.id, 'manager')
    .post('/api/transfers', { ...e1Request(s), discounts: [{ kind: 'amount', amount: 4800, reason: 'Credit for unused March sessions' }], finish }, { 'idempotency-key': randomUUID() });

describe('a transfer tells the family and both instructors, by email over SMTP', () => {
  it('each guardian gets the new session, first date and invoices; each instructor their roster change', async () => {
    const s = await scenario();
    server.clock.setToday('2027-03-15');
    const done = await transferE1(s);
    expect(done.status).toBe(201);

    const round = await sendNow();
    expect(round).toMatchObject({ retrying: 0, failed: 0 });

    // E1: Intermediate Thu from Thu 18 March; $50.00 less the $48.00 credit = $2.00 due on the
    // first date; E8: April's Intermediate Thu invoice, $100.00, due on 1 April.
    for (const guardian of [s.priya, s.raj]) {
      const [mail, ...more] = inbox.to(guardian.email!);
      expect(more).toHaveLength(0);
      expect(mail!.subject).toBe('Maya Patel moves to Intermediate Thu from Thu, Mar 18, 2027');
      expect(mail!.text).toContain('Maya Patel moves from Beginners Tue to Intermediate Thu (Thu 17:00).');
      expect(mail!.text).toContain('The last Beginners Tue date is Tue, Mar 9, 2027; the first Intermediate Thu date is Thu, Mar 18, 2027.');
      expect(mail!.text).toContain('The new invoice is $2.00; $2.00 is due by Thu, Mar 18, 2027.');
      expect(mail!.text).toContain('April 2027, due Thu, Apr 1, 2027: $100.00');
      expect(mail!.html).toContain('<td style="padding:4px 0;border-bottom:1px solid #e5e7eb;text-align:right;white-space:nowrap">$100.00</td>');
      expect(mail!.from?.value[0]).toMatchObject({ address: 'office@riverside.example.test', name: s.organization.name });
      // The unsubscribe line and the one-click header (RFC 8058) name this message.
      expect(header(mail!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(header(mail!, 'list-unsubscribe')).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\/[0-9a-f-]{36}>/);
      expect(header(mail!, 'message-id')).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    }

    const [leaves] = inbox.to(s.beginnersCoach.email!);
    expect(leaves!.subject).toBe('Beginners Tue: Maya Patel leaves from Tue, Mar 16, 2027');
    expect(leaves!.text).toContain('Tue, Mar 16, 2027 is the first date they are no longer on your roster.');
    expect(header(leaves!, 'list-unsubscribe')).toBeUndefined();
    const [joins] = inbox.to(s.intermediateCoach.email!);
    expect(joins!.subject).toBe('Intermediate Thu: Maya Patel joins from Thu, Mar 18, 2027');

    // Staff read the same messages on the family page, sent, with one attempt each.
    const listed = await server.as(s.organization.id, 'front_desk').get(`/api/families/${s.family.id}/messages`);
    expect(listed.body.items.map((m: { recipient: { name: string }; status: string; topic: string }) => [m.recipient.name, m.topic, m.status]).sort()).toEqual([
      ['Priya Patel', 'transfer_done', 'sent'],
      ['Raj Patel', 'transfer_done', 'sent'],
    ]);
    // A second round sends nothing again.
    expect(await sendNow()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(inbox.to(s.raj.email!)).toHaveLength(1);
  });

  it('an undone transfer tells the family they stay, and both instructors', async () => {
    const s = await scenario();
    server.clock.setToday('2027-03-15');
    const done = await transferE1(s);
    const undone = await server.as(s.organization.id, 'manager').post(`/api/transfers/${done.body.transfer.id}/undo`, {});
    expect(undone.status).toBe(200);
    await sendNow();
    expect(inbox.to(s.priya.email!).map((m) => m.subject)).toEqual([
      'Maya Patel moves to Intermediate Thu from Thu, Mar 18, 2027',
      'Maya Patel stays in Beginners Tue',
    ]);
    expect(inbox.to(s.intermediateCoach.email!).map((m) => m.subject)).toEqual([
      'Intermediate Thu: Maya Patel joins from Thu, Mar 18, 2027',
      'Intermediate Thu: Maya Patel will not join',
    ]);
  });
});

describe('Pay Now at checkout', () => {
  it('sends the family a receipt with the transfer: E1 with the credit, $2.00 cash, paid in full', async () => {
    const s = await scenario();
    server.clock.setToday('2027-03-15');
    expect((await transferE1(s, { kind: 'pay_now', amount: 200, method: 'cash' })).status).toBe(201);
    await sendNow();
    const receipt = inbox.to(s.priya.email!).find((m) => m.subject === 'Receipt: $2.00 received');
    expect(receipt?.text).toContain('Thank you: we received $2.00 (cash) on Mon, Mar 15, 2027.');
    expect(receipt?.text).toContain('This invoice is paid in full.');
  });
});

describe('choices: a guardian who turned a kind off is not sent it', () => {
  it('a muted guardian gets nothing, the other guardian gets the mail; the family page says why', async () => {
    const s = await scenario();
    const desk = server.as(s.organization.id, 'front_desk');
    const muted = await desk.put(`/api/guardians/${s.raj.id}/message-preferences`, { mutedKinds: ['schedule'] });
    expect(muted.status).toBe(200);
    server.clock.setToday('2027-03-15');
    expect((await transferE1(s)).status).toBe(201);
    await sendNow();
    expect(inbox.to(s.raj.email!)).toHaveLength(0);
    expect(inbox.to(s.priya.email!)).toHaveLength(1);
    const listed = await desk.get(`/api/families/${s.family.id}/messages`);
    expect(listed.body.items.find((m: { recipient: { name: string } }) => m.recipient.name === 'Raj Patel')).toMatchObject({
      status: 'withheld',
      statusNote: 'Raj Patel turned off schedule change emails.',
    });
  });

  it("the email's unsubscribe link turns that kind off for its reader only (GET changes nothing; one-click POST does)", async () => {
    const s = await scenario();
    server.clock.setToday('2027-03-15');
    await transferE1(s);
    await sendNow();
    const link = /<([^>]+)>/.exec(header(inbox.to(s.priya.email!)[0]!, 'list-unsubscribe')!)![1]!;
    const path = new URL(link).pathname;

    const described = await fetch(server.baseUrl + path).then((r) => r.json());
    expect(described).toMatchObject({ recipientName: 'Priya Patel', kind: 'schedule', kindName: 'schedule change', unsubscribed: false });
    const oneClick = await fetch(server.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const desk = server.as(s.organization.id, 'front_desk');
    expect((await desk.get(`/api/guardians/${s.priya.id}/message-preferences`)).body).toEqual({ mutedKinds: ['schedule'] });
    expect((await desk.get(`/api/guardians/${s.raj.id}/message-preferences`)).body).toEqual({ mutedKinds: [] });

    // The next schedule change reaches Raj only.
    const leo = await buildClient(server.db, s.organization.id, { familyId: s.family.id, firstName: 'Leo', lastName: 'Patel' });
    const enrolled = await desk.post('/api/subscriptions', { clientId: leo.id, sessionId: s.swimTeamSat.id, startsOn: '2027-03-20', finish: { kind: 'pay_later' } }, { 'idempotency-key': randomUUID() });
    expect(enrolled.status).toBe(201);
    await sendNow();
    expect(inbox.to(s.priya.email!).map((m) => m.subject)).toEqual(['Maya Patel moves to Intermediate Thu from Thu, Mar 18, 2027']);
    expect(inbox.to(s.raj.email!).map((m) => m.subject)).toContain('Leo Patel is enrolled in Swim Team Sat');
  });

  it('an unknown unsubscribe link is a 404 a person can read', async () => {
    const response = await fetch(`${server.baseUrl}/api/unsubscribe/${randomUUID()}`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await response.json()).detail).toContain('This unsubscribe link is not known here');
  });

  it('the organization can turn a kind off for everyone (managers only)', async () => {
    const s = await scenario();
    expect((await server.as(s.organization.id, 'front_desk').put('/api/organization/message-settings', { mutedKinds: ['billing'] })).status).toBe(403);
    expect((await server.as(s.organization.id, 'manager').put('/api/organization/message-settings', { mutedKinds: ['billing'] })).status).toBe(200);
    const paid = await server.as(s.organization.id, 'front_desk').post(`/api/invoices/${s.april.id}/payments`, { amount: 3000, method: 'card' });
    expect(paid.status).toBe(201);
    await sendNow();
    expect(inbox.to(s.priya.email!)).toHaveLength(0);
    const outbox = await server.as(s.organization.id, 'manager').get('/api/messages?status=withheld');
    expect(outbox.body.items.map((m: { topic: string; statusNote: string }) => [m.topic, m.statusNote])).toEqual([
      ['payment_receipt', 'The organization turned off billing emails.'],
      ['payment_receipt', 'The organization turned off billing emails.'],
    ]);
  });
});

describe('sending when the mail server refuses or is down: retried later, nothing lost', () => {
  /** Lets the waiting messages' next try come now, as if their backoff had passed. */
  const timePasses = (organizationId: string) =>
    server.db.execute(sql`update messages set next_attempt_at = now() where organization_id = ${organizationId} and status = 'pending'`);

  it('a temporary refusal (451) and a server that cannot be reached are retried; then every message arrives once', async () => {
    const s = await scenario();
    const desk = server.as(s.organization.id, 'front_desk');
    await desk.post(`/api/invoices/${s.april.id}/payments`, { amount: 3000, method: 'card' });

    inbox.answerWith({ code: 451, message: 'Try again later' });
    expect(await sendNow()).toEqual({ sent: 0, retrying: 2, failed: 0 });
    const waiting = (await server.as(s.organization.id, 'manager').get('/api/messages')).body.items;
    expect(waiting.map((m: { status: string; attempts: number }) => [m.status, m.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);
    // Not yet: the backoff holds them.
    inbox.answerWith('accept');
    expect(await sendNow()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await timePasses(s.organization.id);
    expect(await sendNow('smtp://127.0.0.1:1')).toEqual({ sent: 0, retrying: 2, failed: 0 });
    await timePasses(s.organization.id);
    expect(await sendNow()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(inbox.to(s.priya.email!).map((m) => m.subject)).toEqual(['Receipt: $30.00 received']);

    const detail = await server.as(s.organization.id, 'manager').get(`/api/messages/${waiting[0].id}`);
    expect(detail.body.attemptLog.map((a: { outcome: string }) => a.outcome)).toEqual(['retry', 'retry', 'sent']);
    expect(detail.body.text).toContain('Thank you: we received $30.00 (card)');
  });

  it('a permanent refusal (550) marks the message failed with the reason; a manager sends it again', async () => {
    const s = await scenario();
    await server.as(s.organization.id, 'front_desk').post(`/api/invoices/${s.april.id}/payments`, { amount: 3000, method: 'card' });
    inbox.answerWith({ code: 550, message: 'No such mailbox' });
    expect(await sendNow()).toEqual({ sent: 0, retrying: 0, failed: 2 });
    const manager = server.as(s.organization.id, 'manager');
    const failed = (await manager.get('/api/messages?status=failed')).body.items;
    expect(failed).toHaveLength(2);
    expect(failed[0].statusNote).toContain('No such mailbox');

    expect((await server.as(s.organization.id, 'front_desk').post(`/api/messages/${failed[0].id}/send-again`, {})).status).toBe(403);
    inbox.answerWith('accept');
    const again = await manager.post(`/api/messages/${failed[0].id}/send-again`, {});
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('pending');
    const twice = await manager.post(`/api/messages/${failed[0].id}/send-again`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe('Only a failed message can be sent again; this one is still waiting to be sent.');
    expect(await sendNow()).toEqual({ sent: 1, retrying: 0, failed: 0 });
  });
});

describe('a reminder before a due date', () => {
  it('three days before, each guardian is reminded once of what is still due, however often the day runs', async () => {
    const s = await scenario();
    // E1's April invoice: $80.00, due 2027-04-01, open.
    const organization = { ...s.organization, today: Temporal.PlainDate.from('2027-03-29') };
    expect(await remindDueInvoices(server.db, organization)).toBe(1);
    expect(await remindDueInvoices(server.db, organization)).toBe(1);
    expect(await remindDueInvoices(server.db, { ...organization, today: Temporal.PlainDate.from('2027-03-28') })).toBe(0);
    await sendNow();
    expect(inbox.to(s.priya.email!).map((m) => [m.subject, m.text?.split('\n')[0]])).toEqual([
      ['Reminder: $80.00 due Thu, Apr 1, 2027', 'A reminder that $80.00 for Maya Patel is due by Thu, Apr 1, 2027.'],
    ]);
    expect(inbox.to(s.raj.email!)).toHaveLength(1);
  });
});

describe('account emails go through the same outbox', () => {
  it('a password reset link arrives by email, works once, and ends the other sessions; staff see the email went, not its link', async () => {
    const s = await scenario();
    const member = await server.createStaff(s.organization.id, 'front_desk');
    const before = await server.signIn(member.email, member.password);
    expect(before.response.status).toBe(200);

    const asked = await fetch(`${server.baseUrl}/api/auth/request-password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1' },
      body: JSON.stringify({ email: member.email, redirectTo: '/reset-password' }),
    });
    expect(asked.status).toBe(200);
    await expect.poll(async () => (await sendNow()).sent, { timeout: 5_000 }).toBeGreaterThan(0);
    const [mail] = inbox.to(member.email);
    expect(mail!.subject).toBe(`Reset your ${s.organization.name} password`);
    const token = new URL(/http\S+\/reset-password\?token=\S+/.exec(mail!.text!)![0]).searchParams.get('token')!;

    const reset = await fetch(`${server.baseUrl}/api/auth/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1' },
      body: JSON.stringify({ token, newPassword: 'a-brand-new-password-2027' }),
    });
    expect(reset.status).toBe(200);
    expect((await server.signIn(member.email, 'a-brand-new-password-2027')).response.status).toBe(200);
    expect((await server.withCookie(before.cookie).get('/api/me')).status).toBe(401);

    const outbox = (await server.as(s.organization.id, 'manager').get('/api/messages')).body.items;
    const sent = outbox.find((m: { topic: string }) => m.topic === 'password_reset');
    const read = await server.as(s.organization.id, 'manager').get(`/api/messages/${sent.id}`);
    expect(read.body.text).not.toContain(token);
    expect(read.body.text).toBe('This email holds a personal sign-in link; only its recipient reads it.');
  });

  it('a new staff member is emailed where to sign in (never the password)', async () => {
    const s = await scenario();
    const email = `new-${randomUUID().slice(0, 8)}@example.test`;
    const added = await server.as(s.organization.id, 'owner').post('/api/staff', { name: 'Nia Brooks', email, password: 'a-long-enough-password', role: 'front_desk' });
    expect(added.status).toBe(201);
    await sendNow();
    const [mail] = inbox.to(email);
    expect(mail!.subject).toBe(`Your ${s.organization.name} account`);
    expect(mail!.text).toContain('as front desk. Sign in at http://localhost:3000/login');
    expect(mail!.text).not.toContain('a-long-enough-password');
  });
});
