import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildSession, buildSubscription } from '../../../db/seed/builders.js';
import { buildE1Scenario, e1Request, type E1Scenario } from '../../testing/e1-scenario.js';
import { MISSING_ID, startTestServer, type TestApi, type TestServer } from '../../testing/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => server.clock.reset());

async function e1() {
  const scenario = await buildE1Scenario(server.db);
  return { s: scenario, api: server.as(scenario.organization.id) };
}

const credit = { kind: 'amount', amount: 4800, reason: 'Credit for 3 unused paid sessions of Beginners Tue' } as const;
const transfer = (api: TestApi, body: object, key = randomUUID()) => api.post('/api/transfers', body, { 'idempotency-key': key });

/** What a person can see of a client: the whole profile, the two rosters around the transfer. */
async function snapshot(api: TestApi, s: E1Scenario) {
  const [profile, tuesday, thursday] = await Promise.all([
    api.get(`/api/clients/${s.maya.id}/profile`),
    api.get(`/api/sessions/${s.beginnersTue.id}/roster?date=2027-03-16`),
    api.get(`/api/sessions/${s.intermediateThu.id}/roster?date=2027-03-18`),
  ]);
  return { profile: profile.body, tuesday: tuesday.body, thursday: thursday.body };
}

describe('POST /api/transfers/preview', () => {
  it('fills the E1 defaults, quotes $50.00 and suggests the $48.00 credit with its arithmetic, changing nothing', async () => {
    const { s, api } = await e1();
    const before = await snapshot(api, s);
    const response = await api.post('/api/transfers/preview', { ...e1Request(s), discounts: [credit] });
    expect(response.status).toBe(200);
    const preview = response.body;
    expect(preview.plan).toMatchObject({ oldEndsOn: '2027-03-16', firstSessionDate: '2027-03-18' });
    expect(preview.warnings).toEqual([]);
    expect(preview.quote.invoice.subtotal).toBe(5000);
    expect(preview.quote.invoice.lines[0]).toMatchObject({ quantityNumerator: 2, quantityDenominator: 4, unitAmount: 10000, amount: 5000 });
    expect(preview.quote.suggestedCredit.amount).toBe(4800);
    expect(preview.quote.suggestedCredit.arithmetic.join(' ')).toContain('$80.00 / 5 = $16.00');
    expect(preview.quote.unusedPaidSessions.dates).toEqual(['2027-03-16', '2027-03-23', '2027-03-30']);
    expect(preview.quote.changes).toMatchObject({
      price: { from: 8000, to: 10000 },
      sessionsPerMonth: { from: 5, to: 4 },
      time: { from: 'Tue 16:00', to: 'Thu 17:00' },
    });
    expect(preview.invoice).toMatchObject({ subtotal: 5000, discountTotal: 4800, total: 200 });
    expect(await snapshot(api, s)).toEqual(before);
  });

  it('E2: with 2027-03-25 cancelled the first invoice is $33.33', async () => {
    const { s, api } = await e1();
    await api.post(`/api/sessions/${s.intermediateThu.id}/date-changes`, { date: '2027-03-25', kind: 'cancelled', reason: 'Holiday' });
    const response = await api.post('/api/transfers/preview', e1Request(s));
    expect(response.body.plan.firstSessionDate).toBe('2027-03-18');
    expect(response.body.quote.invoice.subtotal).toBe(3333);
  });

  it('E3: a 15 % discount on $33.33 is $5.00', async () => {
    const { s, api } = await e1();
    await api.post(`/api/sessions/${s.intermediateThu.id}/date-changes`, { date: '2027-03-25', kind: 'cancelled' });
    const response = await api.post('/api/transfers/preview', { ...e1Request(s), discounts: [{ kind: 'percent', basisPoints: 1500, reason: 'Sibling' }] });
    expect(response.body.invoice).toMatchObject({ discountTotal: 500, total: 2833 });
  });
});

describe('POST /api/transfers, each finish', () => {
  it('E1 pay now: $2.00 cash, invoice paid; April voided and replaced by Intermediate Thu’s $100.00 (E8): balance $100.00; rosters moved', async () => {
    const { s, api } = await e1();
    const response = await transfer(api, { ...e1Request(s), discounts: [credit], finish: { kind: 'pay_now', amount: 200, method: 'cash' } });
    expect(response.status).toBe(201);
    expect(response.body.invoice).toMatchObject({ subtotal: 5000, discountTotal: 4800, total: 200, paid: 200, status: 'paid', amountDue: 0 });
    expect(response.body.oldSubscription.endsOn).toBe('2027-03-16');
    expect(response.body.newSubscription).toMatchObject({ startsOn: '2027-03-18', endsOn: null, sessionId: s.intermediateThu.id });
    expect(response.body.voidedInvoiceIds).toEqual([s.april.id]);
    // E8: the new enrollment's April, a full month of Thursdays, due on the 1st.
    expect(response.body.horizonInvoices).toMatchObject([
      { subscriptionId: response.body.newSubscription.id, periodStart: '2027-04-01', total: 10000, status: 'open', dueOn: '2027-04-01' },
    ]);

    const after = await snapshot(api, s);
    expect(after.tuesday.clients).toEqual([]);
    expect(after.thursday.clients.map((c: any) => c.firstName)).toEqual(['Maya']);
    expect(after.profile.balance).toBe(10000);
    const statuses = Object.fromEntries(after.profile.invoices.map((i: any) => [i.id, i.status]));
    expect(statuses).toMatchObject({
      [s.march.id]: 'paid',
      [s.april.id]: 'void',
      [response.body.invoice.id]: 'paid',
      [response.body.horizonInvoices[0].id]: 'open',
    });
    expect(after.profile.transfers).toMatchObject([{ id: response.body.transfer.id, checkout: 'pay_now', status: 'completed' }]);
    expect(after.profile.history.map((h: any) => h.action)).toContain('transfer.completed');
    const states = after.profile.subscriptions.map((sub: any) => [sub.sessionName, sub.startsOn, sub.endsOn]);
    expect(states).toEqual([
      ['Beginners Tue', '2027-01-05', '2027-03-16'],
      ['Intermediate Thu', '2027-03-18', null],
    ]);
  });

  it('E1 pay later: invoice open with $2.00 due; E8: family balance $2.00 + $100.00 = $102.00', async () => {
    const { s, api } = await e1();
    const response = await transfer(api, { ...e1Request(s), discounts: [credit], finish: { kind: 'pay_later', dueOn: '2027-03-25' } });
    expect(response.status).toBe(201);
    expect(response.body.invoice).toMatchObject({ status: 'open', amountDue: 200, dueOn: '2027-03-25' });
    expect((await api.get(`/api/clients/${s.maya.id}/profile`)).body.balance).toBe(10200);
  });

  it('E1 close now: $2.00 written off with the reason, invoice closed; balance is April’s $100.00', async () => {
    const { s, api } = await e1();
    const response = await transfer(api, { ...e1Request(s), discounts: [credit], finish: { kind: 'close_now', reason: 'covered by March tuition' } });
    expect(response.status).toBe(201);
    expect(response.body.invoice).toMatchObject({ status: 'closed', writtenOff: 200, amountDue: 0 });
    expect(response.body.invoice.writeOffs).toEqual([expect.objectContaining({ amount: 200, reason: 'covered by March tuition' })]);
    expect((await api.get(`/api/clients/${s.maya.id}/profile`)).body.balance).toBe(10000);
  });

  it('E4: a partial payment of $20.00 by check no. 1042 leaves $30.00 open', async () => {
    const { s, api } = await e1();
    const response = await transfer(api, { ...e1Request(s), finish: { kind: 'pay_now', amount: 2000, method: 'check', reference: '1042' } });
    expect(response.body.invoice).toMatchObject({ total: 5000, paid: 2000, amountDue: 3000, status: 'open' });
    expect(response.body.invoice.payments).toMatchObject([{ amount: 2000, method: 'check', reference: '1042' }]);
    expect((await api.get(`/api/clients/${s.maya.id}/profile`)).body.balance).toBe(3000 + 10000);
  });
});

describe('refused transfers change nothing', () => {
  const cases: [string, (s: E1Scenario) => object, number, string][] = [
    ['the same session', (s) => ({ ...e1Request(s), targetSessionId: s.beginnersTue.id }), 422, 'SAME_SESSION'],
    ['a first date the target does not meet', (s) => ({ ...e1Request(s), firstSessionDate: '2027-03-19' }), 422, 'NOT_A_SESSION_DATE'],
    ['a transfer date the client is not enrolled on', (s) => ({ ...e1Request(s), transferDate: '2027-03-17' }), 422, 'NOT_ENROLLED_ON_DATE'],
    ['an old end that is not one of its dates', (s) => ({ ...e1Request(s), oldEndsOn: '2027-03-17' }), 422, 'INVALID_END_DATE'],
    ['an unknown subscription', (s) => ({ ...e1Request(s), subscriptionId: MISSING_ID }), 404, 'NOT_FOUND'],
    ['an unknown target', (s) => ({ ...e1Request(s), targetSessionId: MISSING_ID }), 404, 'NOT_FOUND'],
    ['a discount larger than the invoice', (s) => ({ ...e1Request(s), discounts: [{ kind: 'amount', amount: 6000, reason: 'too much' }] }), 422, 'DISCOUNT_EXCEEDS_TOTAL'],
    ['a payment above the total', (s) => ({ ...e1Request(s), finish: { kind: 'pay_now', amount: 9000, method: 'cash' } }), 400, 'VALIDATION_FAILED'],
    ['fractional money', (s) => ({ ...e1Request(s), finish: { kind: 'pay_now', amount: 20.5, method: 'cash' } }), 400, 'VALIDATION_FAILED'],
    ['a close without a reason', (s) => ({ ...e1Request(s), finish: { kind: 'close_now', reason: ' ' } }), 400, 'VALIDATION_FAILED'],
  ];

  it.each(cases)('%s', async (_name, body, status, code) => {
    const { s, api } = await e1();
    const before = await snapshot(api, s);
    const request = { finish: { kind: 'pay_later' }, ...body(s) };
    const response = await transfer(api, request);
    expect(response.status).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.code).toBe(code);
    expect(response.body.detail.length).toBeGreaterThan(10);
    expect(await snapshot(api, s)).toEqual(before);
  });

  it('a full target, with its message', async () => {
    const scenario = await buildE1Scenario(server.db, { targetCapacity: 1 });
    const api = server.as(scenario.organization.id);
    await buildSubscription(server.db, scenario.organization.id, { sessionId: scenario.intermediateThu.id, startsOn: '2027-03-11' });
    const before = await snapshot(api, scenario);
    const response = await transfer(api, { ...e1Request(scenario), finish: { kind: 'pay_later' } });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CAPACITY_FULL');
    expect(response.body.detail).toContain('Intermediate Thu');
    expect(await snapshot(api, scenario)).toEqual(before);
  });

  it('no Idempotency-Key', async () => {
    const { s, api } = await e1();
    const response = await api.post('/api/transfers', { ...e1Request(s), finish: { kind: 'pay_later' } });
    expect(response.status).toBe(400);
    expect(response.body.detail.toLowerCase()).toContain('idempotency-key');
  });

  it('a client already enrolled in the target', async () => {
    const { s, api } = await e1();
    await buildSubscription(server.db, s.organization.id, { sessionId: s.intermediateThu.id, clientId: s.maya.id, startsOn: '2027-04-01' });
    const response = await transfer(api, { ...e1Request(s), finish: { kind: 'pay_later' } });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ALREADY_ENROLLED');
  });
});

describe('idempotency', () => {
  it('a replay with the same key returns the first result and makes one transfer', async () => {
    const { s, api } = await e1();
    const key = randomUUID();
    const body = { ...e1Request(s), discounts: [credit], finish: { kind: 'pay_now', amount: 200, method: 'cash' } };
    const [first, second] = await Promise.all([transfer(api, body, key), transfer(api, body, key)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    const profile = (await api.get(`/api/clients/${s.maya.id}/profile`)).body;
    expect(profile.transfers).toHaveLength(1);
    expect(profile.invoices.flatMap((i: any) => i.payments)).toHaveLength(2);
  });

  it('the same key with a different request is refused', async () => {
    const { s, api } = await e1();
    const key = randomUUID();
    await transfer(api, { ...e1Request(s), finish: { kind: 'pay_later' } }, key);
    const other = await transfer(api, { ...e1Request(s), finish: { kind: 'close_now', reason: 'x-y-z' } }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('POST /api/transfers/:id/undo', () => {
  it('E6: restores the old subscription exactly, reopens April, voids the new enrollment and invoice', async () => {
    const { s, api } = await e1();
    const before = await snapshot(api, s);
    const done = await transfer(api, { ...e1Request(s), discounts: [credit], finish: { kind: 'pay_later' } });
    const undo = await api.post(`/api/transfers/${done.body.transfer.id}/undo`, {});
    expect(undo.status).toBe(200);
    expect(undo.body.reopenedInvoiceIds).toEqual([s.april.id]);
    const after = await snapshot(api, s);
    expect(after.tuesday).toEqual(before.tuesday);
    expect(after.thursday.clients).toEqual([]);
    expect(after.profile.balance).toBe(before.profile.balance);
    const byId = Object.fromEntries(after.profile.invoices.map((i: any) => [i.id, i.status]));
    expect(byId).toMatchObject({ [s.march.id]: 'paid', [s.april.id]: 'open', [done.body.invoice.id]: 'void' });
    const old = after.profile.subscriptions.find((x: any) => x.id === s.subscription.id);
    expect(old).toMatchObject({ endsOn: null, status: 'active' });
    expect(after.profile.history.map((h: any) => h.action).slice(0, 2)).toEqual(['transfer.undone', 'transfer.completed']);
    expect((await api.post(`/api/transfers/${done.body.transfer.id}/undo`, {})).status).toBe(409);
  });

  it('is refused after a payment on the new enrollment, saying why', async () => {
    const { s, api } = await e1();
    const done = await transfer(api, { ...e1Request(s), finish: { kind: 'pay_now', amount: 2000, method: 'card' } });
    const undo = await api.post(`/api/transfers/${done.body.transfer.id}/undo`, {});
    expect(undo.status).toBe(409);
    expect(undo.body.code).toBe('UNDO_NOT_POSSIBLE');
    expect(undo.body.detail).toContain('payment');
  });

  it('is refused after attendance on the new enrollment', async () => {
    const { s, api } = await e1();
    const done = await transfer(api, { ...e1Request(s), finish: { kind: 'pay_later' } });
    // Attendance is taken on the day: the clock moves to 2027-03-18.
    server.clock.setToday('2027-03-18');
    const marked = await api.put(`/api/sessions/${s.intermediateThu.id}/attendance`, {
      date: '2027-03-18', subscriptionId: done.body.newSubscription.id, present: true,
    });
    expect(marked.status).toBe(200);
    const roster = await api.get(`/api/sessions/${s.intermediateThu.id}/roster?date=2027-03-18`);
    expect(roster.body.clients[0].present).toBe(true);
    const undo = await api.post(`/api/transfers/${done.body.transfer.id}/undo`, {});
    expect(undo.status).toBe(409);
    expect(undo.body.detail).toBe(
      'This transfer cannot be undone: attendance is recorded in Intermediate Thu on Thu, Mar 18, 2027. Transfer the client back instead.',
    );
  });

  it('answers 404 for a missing transfer', async () => {
    const { api } = await e1();
    expect((await api.post(`/api/transfers/${MISSING_ID}/undo`, {})).status).toBe(404);
  });
});

describe('GET /api/subscriptions/:id/transfer-targets', () => {
  it('lists the other sessions with their default first date and free seats', async () => {
    const { s, api } = await e1();
    const response = await api.get(`/api/subscriptions/${s.subscription.id}/transfer-targets?date=2027-03-16`);
    expect(response.status).toBe(200);
    const thursday = response.body.targets.find((t: any) => t.sessionId === s.intermediateThu.id);
    expect(thursday).toMatchObject({ firstSessionDate: '2027-03-18', freeSeats: 10, startTime: '17:00', full: false });
    expect(response.body.targets.map((t: any) => t.sessionId)).not.toContain(s.beginnersTue.id);
    expect((await api.get(`/api/subscriptions/${MISSING_ID}/transfer-targets?date=2027-03-16`)).status).toBe(404);
    expect((await api.get(`/api/subscriptions/${s.subscription.id}/transfer-targets?date=soon`)).status).toBe(400);
  });
});

describe('capacity under concurrency', () => {
  it('50 concurrent transfers into a session with 5 free seats: exactly 5 succeed', async () => {
    const s = await buildE1Scenario(server.db, { targetCapacity: 5 });
    const api = server.as(s.organization.id);
    const subscriptions = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const client = await buildClient(server.db, s.organization.id, { familyId: s.family.id });
        return buildSubscription(server.db, s.organization.id, { sessionId: s.beginnersTue.id, clientId: client.id, startsOn: '2027-01-05' });
      }),
    );
    const responses = await Promise.all(
      subscriptions.map((sub) => transfer(api, { subscriptionId: sub.id, transferDate: '2027-03-16', targetSessionId: s.intermediateThu.id, finish: { kind: 'pay_later' } })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(5);
    expect(responses.filter((r) => r.status === 409 && r.body.code === 'CAPACITY_FULL')).toHaveLength(45);
    const roster = await api.get(`/api/sessions/${s.intermediateThu.id}/roster?date=2027-03-18`);
    expect(roster.body.clients).toHaveLength(5);
  });
});

describe('what only managers may do in a transfer', () => {
  it('front desk cannot close now with a write-off, override capacity or back-date; a manager can', async () => {
    const { s } = await e1();
    const desk = server.as(s.organization.id, 'front_desk');
    const manager = server.as(s.organization.id, 'manager');
    const closeNow = await transfer(desk, { ...e1Request(s), finish: { kind: 'close_now', reason: 'goodwill' } });
    expect(closeNow.status).toBe(403);
    expect(closeNow.body.detail).toContain('write off');

    // Enrolled since September 2026, so 2026-11-17 is a past date the client attended.
    const past = await buildSubscription(server.db, s.organization.id, {
      sessionId: (await buildSession(server.db, s.organization.id, { startsOn: '2026-09-01', weekdays: [2] })).id,
      clientId: s.maya.id,
      startsOn: '2026-09-01',
    });
    const backDatedRequest = { subscriptionId: past.id, transferDate: '2026-11-17', targetSessionId: s.intermediateThu.id };
    const backDated = await desk.post('/api/transfers/preview', backDatedRequest);
    expect(backDated.status).toBe(403);
    expect(backDated.body.detail).toContain('back-date');
    const managerBackDated = await manager.post('/api/transfers/preview', backDatedRequest);
    expect(managerBackDated.status).toBe(200);
    expect(managerBackDated.body.warnings.map((w: any) => w.code)).toContain('BACK_DATED');
  });

  it('capacity override is refused to front desk and audited for a manager', async () => {
    const s = await buildE1Scenario(server.db, { targetCapacity: 1 });
    await buildSubscription(server.db, s.organization.id, { sessionId: s.intermediateThu.id, startsOn: '2027-03-11' });
    const body = { ...e1Request(s), capacityOverride: true, finish: { kind: 'pay_later' } };
    const desk = await transfer(server.as(s.organization.id, 'front_desk'), body);
    expect(desk.status).toBe(403);
    const manager = await transfer(server.as(s.organization.id, 'manager'), body);
    expect(manager.status).toBe(201);
    const profile = await server.as(s.organization.id).get(`/api/clients/${s.maya.id}/profile`);
    expect(profile.body.history.map((h: any) => h.action)).toContain('transfer.completed_with_capacity_override');
    const roster = await server.as(s.organization.id).get(`/api/sessions/${s.intermediateThu.id}/roster?date=2027-03-18`);
    expect(roster.body.clients).toHaveLength(2);
  });
});

describe('money received is never dropped (reliability suite, docs/reliability.md)', () => {
  it('a partly paid invoice due after the end stays open with its payment; the unpaid part is what is due', async () => {
    const { s, api } = await e1();
    expect((await api.post(`/api/invoices/${s.april.id}/payments`, { amount: 2000, method: 'cash' })).status).toBe(201);
    const done = await transfer(api, { ...e1Request(s), finish: { kind: 'pay_later' } });
    expect(done.status).toBe(201);
    expect(done.body.voidedInvoiceIds).toEqual([]);
    const april = (await api.get(`/api/invoices/${s.april.id}`)).body;
    expect(april).toMatchObject({ status: 'open', paid: 2000, amountDue: 6000 });
    // The credit suggested for a later transfer counts the $20.00 paid for April too.
    const profile = (await api.get(`/api/clients/${s.maya.id}/profile`)).body;
    // April's unpaid $60.00, and the new March invoice: $50.00 (2 of 4 Thursdays of $100.00), open.
    // April was not voided (money was received on it), so no Intermediate Thu April is issued for it.
    expect(done.body.invoice).toMatchObject({ total: 5000, amountDue: 5000 });
    expect(done.body.horizonInvoices).toEqual([]);
    expect(profile.balance).toBe(6000 + 5000);
  });

  it('a payment at the same moment as an undo, or as the transfer that ends the subscription, never lands on a void invoice', async () => {
    for (let round = 0; round < 4; round++) {
      const { s, api } = await e1();
      if (round % 2 === 0) {
        const [moved, paid] = await Promise.all([
          transfer(api, { ...e1Request(s), finish: { kind: 'pay_later' } }),
          api.post(`/api/invoices/${s.april.id}/payments`, { amount: 2000, method: 'cash' }),
        ]);
        // The transfer always completes; the payment lands first (April stays open with it) or
        // finds April void and is refused: never a 500, never both lost.
        expect(moved.status).toBe(201);
        expect([[201, []], [409, [s.april.id]]]).toContainEqual([paid.status, moved.body.voidedInvoiceIds]);
      } else {
        const done = await transfer(api, { ...e1Request(s), finish: { kind: 'pay_later' } });
        const [undone, paid] = await Promise.all([
          api.post(`/api/transfers/${done.body.transfer.id}/undo`, {}),
          api.post(`/api/invoices/${done.body.invoice.id}/payments`, { amount: 1000, method: 'card' }),
        ]);
        // Exactly one wins: the undo (then the invoice is void and the payment refused), or the
        // payment (then the undo is refused because money was received).
        expect([[200, 409], [409, 201]]).toContainEqual([undone.status, paid.status]);
      }
      const { invoices } = (await api.get(`/api/families/${s.family.id}/balance`)).body;
      const voidWithPayments = invoices.filter((i: any) => i.status === 'void' && i.payments.length > 0);
      expect({ round, voidWithPayments }).toEqual({ round, voidWithPayments: [] });
    }
  });
});
