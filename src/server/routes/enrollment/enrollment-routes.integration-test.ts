import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildOrganization, buildSession, buildSubscription } from '../../../db/seed/builders.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { MISSING_ID, startTestServer, type TestApi, type TestServer, fieldsNamed } from '../../testing/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Enrollment checkout with Pay Later unless a finish is given; each call its own Idempotency-Key. */
const enroll = (api: TestApi, body: object) => api.post('/api/subscriptions', { finish: { kind: 'pay_later' }, ...body }, { 'idempotency-key': randomUUID() });

async function setup(capacity = 2) {
  const org = await buildOrganization(server.db);
  const session = await buildSession(server.db, org.id, { name: 'Beginners Tue', capacity, startsOn: '2027-01-05', price: 8000 });
  const client = await buildClient(server.db, org.id, { firstName: 'Maya', lastName: 'Patel' });
  return { org, session, client, api: server.as(org.id) };
}

describe('POST /api/subscriptions (enroll)', () => {
  it('enrolls from a session date; the client is on that roster and not the one before', async () => {
    const { session, client, api } = await setup();
    const response = await enroll(api, { clientId: client.id, sessionId: session.id, startsOn: '2027-03-09' });
    expect(response.status).toBe(201);
    expect(response.body.subscription).toMatchObject({ startsOn: '2027-03-09', endsOn: null, status: 'active', priceSnapshot: 8000, paymentPlan: 'monthly' });
    // March 2027 has 5 Tuesdays; from the 9th, 4 of them: $80.00 × 4/5 = $64.00, due on the first date.
    expect(response.body.invoice).toMatchObject({ subtotal: 6400, total: 6400, status: 'open', dueOn: '2027-03-09', periodStart: '2027-03-01' });
    expect((await api.get(`/api/sessions/${session.id}/roster?date=2027-03-09`)).body.clients).toHaveLength(1);
    expect((await api.get(`/api/sessions/${session.id}/roster?date=2027-03-02`)).body.clients).toHaveLength(0);
  });

  it('refuses a first date the session does not meet, suggesting its next date', async () => {
    const { session, client, api } = await setup();
    const response = await enroll(api, { clientId: client.id, sessionId: session.id, startsOn: '2027-03-10' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'NOT_A_SESSION_DATE', suggestedDate: '2027-03-16' });
    expect(fieldsNamed(response.body)).toEqual(['body.startsOn']);
  });

  it('refuses a full session with the full dates, and changes nothing', async () => {
    const { session, client, api } = await setup(1);
    await buildSubscription(server.db, session.organizationId, { sessionId: session.id, startsOn: '2027-03-16' });
    const response = await enroll(api, { clientId: client.id, sessionId: session.id, startsOn: '2027-03-02' });
    expect(response.status).toBe(409);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.code).toBe('CAPACITY_FULL');
    expect(response.body.fullDates[0]).toBe('2027-03-16');
    const profile = await api.get(`/api/clients/${client.id}/profile`);
    expect(profile.body.subscriptions).toHaveLength(0);
  });

  it('refuses enrolling a client twice on overlapping dates', async () => {
    const { session, client, api } = await setup();
    await enroll(api, { clientId: client.id, sessionId: session.id, startsOn: '2027-03-02' });
    const again = await enroll(api, { clientId: client.id, sessionId: session.id, startsOn: '2027-03-16' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ENROLLED');
  });

  it('holds capacity when enrollments race', async () => {
    const { org, session, api } = await setup(3);
    const clients = await Promise.all(Array.from({ length: 8 }, () => buildClient(server.db, org.id)));
    const responses = await Promise.all(
      clients.map((c) => enroll(api, { clientId: c.id, sessionId: session.id, startsOn: '2027-03-02' })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(3);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(5);
    expect((await api.get(`/api/sessions/${session.id}/roster?date=2027-03-02`)).body.clients).toHaveLength(3);
  });

  it('names the unknown client and refuses bad dates', async () => {
    const { session, api } = await setup();
    const unknown = await enroll(api, { clientId: MISSING_ID, sessionId: session.id, startsOn: '2027-03-02' });
    expect(unknown.status).toBe(400);
    expect(fieldsNamed(unknown.body)).toEqual(['body.clientId']);
    const badDate = await enroll(api, { clientId: MISSING_ID, sessionId: session.id, startsOn: '03/02/2027' });
    expect(badDate.status).toBe(400);
    expect(fieldsNamed(badDate.body)).toEqual(['body.startsOn']);
  });
});

describe('POST /api/subscriptions/:id/unenroll', () => {
  it('keeps an open invoice that has a payment on it (money received is never dropped), voids the unpaid one', async () => {
    const { org, session, client, api } = await setup();
    const subscription = await buildSubscription(server.db, org.id, { sessionId: session.id, clientId: client.id, startsOn: '2027-03-02' });
    const invoice = (dueOn: string) =>
      invoiceRepository.insert(server.db, org.id, { familyId: client.familyId, subscriptionId: subscription.id, status: 'open', issuedOn: dueOn, dueOn, subtotal: 8000, total: 8000 });
    const april = await invoice('2027-04-01');
    const may = await invoice('2027-05-01');
    expect((await api.post(`/api/invoices/${april.id}/payments`, { amount: 3000, method: 'cash' })).status).toBe(201);
    const response = await api.post(`/api/subscriptions/${subscription.id}/unenroll`, { date: '2027-03-16' });
    expect(response.body.voidedInvoiceIds).toEqual([may.id]);
    expect((await api.get(`/api/invoices/${april.id}`)).body).toMatchObject({ status: 'open', paid: 3000, amountDue: 5000 });
  });

  it('ends the subscription from the date, voids its open invoice due after, keeps the paid one', async () => {
    const { org, session, client, api } = await setup();
    const subscription = await buildSubscription(server.db, org.id, { sessionId: session.id, clientId: client.id, startsOn: '2027-01-05' });
    const invoice = (dueOn: string, status: 'open' | 'paid') =>
      invoiceRepository.insert(server.db, org.id, {
        familyId: client.familyId, subscriptionId: subscription.id, status, issuedOn: dueOn, dueOn, subtotal: 8000, discountTotal: 0, total: 8000,
      });
    const march = await invoice('2027-03-01', 'paid');
    const april = await invoice('2027-04-01', 'open');

    const response = await api.post(`/api/subscriptions/${subscription.id}/unenroll`, { date: '2027-03-16' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ endsOn: '2027-03-16', status: 'active', voidedInvoiceIds: [april.id] });
    expect((await api.get(`/api/sessions/${session.id}/roster?date=2027-03-09`)).body.clients).toHaveLength(1);
    expect((await api.get(`/api/sessions/${session.id}/roster?date=2027-03-16`)).body.clients).toHaveLength(0);

    const profile = await api.get(`/api/clients/${client.id}/profile`);
    const statuses = Object.fromEntries(profile.body.invoices.map((i: any) => [i.id, i.status]));
    expect(statuses).toEqual({ [march.id]: 'paid', [april.id]: 'void' });
    expect(profile.body.history.map((h: any) => h.action)).toContain('subscription.unenrolled');
  });

  it('refuses a later end, a date the client is not enrolled on, and a missing subscription', async () => {
    const { org, session, client, api } = await setup();
    const subscription = await buildSubscription(server.db, org.id, { sessionId: session.id, clientId: client.id, startsOn: '2027-01-05', endsOn: '2027-03-16' });
    const later = await api.post(`/api/subscriptions/${subscription.id}/unenroll`, { date: '2027-03-23' });
    expect(later.status).toBe(422);
    expect(later.body.code).toBe('END_DATE_LATER');
    const wrongDay = await api.post(`/api/subscriptions/${subscription.id}/unenroll`, { date: '2027-03-03' });
    expect(wrongDay.status).toBe(422);
    expect(wrongDay.body.code).toBe('NOT_ENROLLED_ON_DATE');
    expect((await api.post(`/api/subscriptions/${MISSING_ID}/unenroll`, { date: '2027-03-09' })).status).toBe(404);
    const bad = await api.post(`/api/subscriptions/${subscription.id}/unenroll`, {});
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('date');
    expect((await api.get(`/api/clients/${client.id}/profile`)).body.subscriptions[0].endsOn).toBe('2027-03-16');
  });

  it('cancels an enrollment ended on its first date', async () => {
    const { org, session, client, api } = await setup();
    const subscription = await buildSubscription(server.db, org.id, { sessionId: session.id, clientId: client.id, startsOn: '2027-03-02' });
    const response = await api.post(`/api/subscriptions/${subscription.id}/unenroll`, { date: '2027-03-02' });
    expect(response.body.status).toBe('void');
    expect((await api.get(`/api/sessions/${session.id}/roster?date=2027-03-02`)).body.clients).toHaveLength(0);
  });
});

describe('GET /api/clients/:id/profile', () => {
  it('shows family, guardians, subscriptions with their state, invoices, balance and history', async () => {
    const { session, client, api } = await setup();
    await api.post('/api/guardians', { familyId: client.familyId, name: 'Priya Patel', phone: '+1 555 010 2030' });
    await enroll(api, { clientId: client.id, sessionId: session.id, startsOn: '2027-03-02' });
    const profile = await api.get(`/api/clients/${client.id}/profile`);
    expect(profile.status).toBe(200);
    expect(profile.body.client).toMatchObject({ firstName: 'Maya', lastName: 'Patel' });
    expect(profile.body.guardians.map((g: any) => g.name)).toEqual(['Priya Patel']);
    expect(profile.body.subscriptions).toMatchObject([{ sessionName: 'Beginners Tue', startsOn: '2027-03-02', state: 'upcoming' }]);
    // Enrolling billed March at once: 5 Tuesdays from the 2nd, the full $80.00, left to pay later.
    expect(profile.body).toMatchObject({ balance: 8000, currency: 'USD', invoices: [{ total: 8000, status: 'open', amountDue: 8000 }] });
    expect(profile.body.history.map((h: any) => h.action)).toEqual(['subscription.enrolled']);
  });

  it('answers 404 for a missing client', async () => {
    const { api } = await setup();
    expect((await api.get(`/api/clients/${MISSING_ID}/profile`)).status).toBe(404);
  });
});

describe('cancelling an enrollment before its first date', () => {
  /**
   * Found by the money reliability suite: unenrolling on the first date cancels the enrollment,
   * but an invoice due before that date (Pay Later set it earlier, as a school asks to be paid
   * before the course starts) stayed open: the family owed money for an enrollment that never was.
   */
  it('voids its invoice even when Pay Later set it due before the first date', async () => {
    const { session, client, api } = await setup();
    const enrolled = await enroll(api, { clientId: client.id, sessionId: session.id, startsOn: '2027-03-16', finish: { kind: 'pay_later', dueOn: '2027-03-05' } });
    expect(enrolled.status).toBe(201);
    // March 2027 has Tuesdays 2, 9, 16, 23, 30: from the 16th, $80.00 × 3/5 = $48.00.
    expect(enrolled.body.invoice).toMatchObject({ total: 4800, status: 'open', dueOn: '2027-03-05' });
    const cancelled = await api.post(`/api/subscriptions/${enrolled.body.subscription.id}/unenroll`, { date: '2027-03-16' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'void', voidedInvoiceIds: [enrolled.body.invoice.id] });
    expect((await api.get(`/api/invoices/${enrolled.body.invoice.id}`)).body).toMatchObject({ status: 'void', amountDue: 0 });
    expect((await api.get(`/api/families/${client.familyId}/balance`)).body.balance).toBe(0);
  });

  it('an end after the first date still leaves an invoice due before the end alone', async () => {
    const { session, client, api } = await setup();
    const enrolled = await enroll(api, { clientId: client.id, sessionId: session.id, startsOn: '2027-03-16', finish: { kind: 'pay_later', dueOn: '2027-03-05' } });
    const ended = await api.post(`/api/subscriptions/${enrolled.body.subscription.id}/unenroll`, { date: '2027-03-23' });
    expect(ended.body).toMatchObject({ status: 'active', endsOn: '2027-03-23', voidedInvoiceIds: [] });
  });
});
