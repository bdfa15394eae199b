import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildSubscription } from '../../../db/seed/builders.js';
import { eq } from 'drizzle-orm';
import { invoices } from '../../../db/schema/billing.js';
import { buildE1Scenario, e1Request, type E1Scenario } from '../../testing/e1-scenario.js';
import { fieldsNamed, startTestServer, type TestApi, type TestServer } from '../../testing/test-server.js';

/** EXAMPLES.md E7–E10 over HTTP: the billing engine behind every invoice. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => server.clock.reset());

const credit = { kind: 'amount', amount: 4800, reason: 'Credit for 3 unused paid sessions of Beginners Tue' } as const;
const transfer = (api: TestApi, body: object) => api.post('/api/transfers', body, { 'idempotency-key': randomUUID() });
const enroll = (api: TestApi, body: object) => api.post('/api/subscriptions', body, { 'idempotency-key': randomUUID() });

async function e1() {
  const s = await buildE1Scenario(server.db);
  return { s, owner: server.as(s.organization.id), manager: server.as(s.organization.id, 'manager'), desk: server.as(s.organization.id, 'front_desk') };
}

/**
 * The family's balance as the API shows it (the ledger's sum), checked against the same number
 * reached from its invoices: what each still asks for, less the account credit held.
 */
async function balanceOf(api: TestApi, familyId: string) {
  const body = (await api.get(`/api/families/${familyId}/balance`)).body;
  const fromInvoices = body.invoices.reduce((sum: number, i: any) => sum + i.amountDue, 0) - body.accountCredit;
  expect({ ledger: body.balance }).toEqual({ ledger: fromInvoices });
  return body;
}

describe('E7: enrollment bills at once, the run issues the next month', () => {
  async function leoEnrolled() {
    const { s, owner, desk } = await e1();
    server.clock.setToday('2027-03-09');
    const leo = await buildClient(server.db, s.organization.id, { familyId: s.family.id, firstName: 'Leo', lastName: 'Patel' });
    const body = { clientId: leo.id, sessionId: s.intermediateThu.id, startsOn: '2027-03-11' };
    const preview = await desk.post('/api/subscriptions/preview', body);
    expect(preview.status).toBe(200);
    expect(preview.body.invoice).toMatchObject({ subtotal: 7500, total: 7500, dueOn: '2027-03-11' });
    const enrolled = await enroll(desk, { ...body, finish: { kind: 'pay_later' } });
    expect(enrolled.status).toBe(201);
    return { s, owner, leo, enrolled: enrolled.body };
  }

  it('Leo enrolls on 2027-03-09 from 2027-03-11: $100.00 × 3/4 = $75.00, due 2027-03-11, through checkout', async () => {
    const { enrolled } = await leoEnrolled();
    expect(enrolled.invoice).toMatchObject({
      subtotal: 7500,
      total: 7500,
      status: 'open',
      dueOn: '2027-03-11',
      periodStart: '2027-03-01',
      periodEnd: '2027-04-01',
      lines: [{ quantityNumerator: 3, quantityDenominator: 4, unitAmount: 10000, amount: 7500 }],
    });
  });

  it('the run on 2027-03-25 issues April, $100.00 due 2027-04-01; again that day, or a week later, nothing more', async () => {
    const { s, owner, enrolled } = await leoEnrolled();
    const leoInvoices = async () => (await balanceOf(owner, s.family.id)).invoices.filter((i: any) => i.subscriptionId === enrolled.subscription.id);
    server.clock.setToday('2027-03-24');
    expect((await owner.post('/api/invoice-runs', {})).body.issued).toBe(0);
    server.clock.setToday('2027-03-25');
    const run = await owner.post('/api/invoice-runs', {});
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ runOn: '2027-03-25', issued: 1 });
    expect((await leoInvoices()).map((i: any) => [i.periodStart, i.total, i.dueOn, i.issuedOn])).toEqual([
      ['2027-03-01', 7500, '2027-03-11', '2027-03-09'],
      ['2027-04-01', 10000, '2027-04-01', '2027-03-25'],
    ]);
    expect((await owner.post('/api/invoice-runs', {})).body.issued).toBe(0);
    server.clock.setToday('2027-04-01');
    expect((await owner.post('/api/invoice-runs', {})).body.issued).toBe(0);
    expect(await leoInvoices()).toHaveLength(2);
  });

  it('a subscription starting after its month’s first day is billed for that month on the month’s issue day', async () => {
    const { s, owner } = await e1();
    // Enrolled (without checkout, as data brought in is) from Tuesday 2027-04-06: April's issue day is 2027-03-25.
    const ana = await buildClient(server.db, s.organization.id, { familyId: s.family.id, firstName: 'Ana', lastName: 'Patel' });
    const subscription = await buildSubscription(server.db, s.organization.id, { sessionId: s.beginnersTue.id, clientId: ana.id, startsOn: '2027-04-06' });
    server.clock.setToday('2027-03-25');
    await owner.post('/api/invoice-runs', {});
    const april = (await balanceOf(owner, s.family.id)).invoices.filter((i: any) => i.subscriptionId === subscription.id);
    // Tuesdays in April 2027: 6, 13, 20, 27 — all of them: the full month.
    expect(april).toMatchObject([{ periodStart: '2027-04-01', total: 8000, dueOn: '2027-04-01', lines: [{ quantityNumerator: 4, quantityDenominator: 4 }] }]);
  });

  it('after downtime the run catches up: nothing ran from 2027-03-09 to 2027-04-30, then April and May are issued', async () => {
    const { s, owner, enrolled } = await leoEnrolled();
    server.clock.setToday('2027-04-30');
    // Leo's April and May, and Maya's May (Beginners Tue): three.
    expect((await owner.post('/api/invoice-runs', {})).body.issued).toBe(3);
    const periods = (await balanceOf(owner, s.family.id)).invoices
      .filter((i: any) => i.subscriptionId === enrolled.subscription.id)
      .map((i: any) => [i.periodStart, i.total, i.dueOn]);
    // Issued late, April is due on the day it is issued, not in the past.
    expect(periods).toEqual([
      ['2027-03-01', 7500, '2027-03-11'],
      ['2027-04-01', 10000, '2027-04-30'],
      ['2027-05-01', 10000, '2027-05-01'],
    ]);
  });

  it('refuses a run date far from today, and an enrollment into a full session, changing nothing', async () => {
    const { s, owner } = await e1();
    server.clock.setToday('2027-03-09');
    const far = await owner.post('/api/invoice-runs', { today: '2028-03-09' });
    expect(far.status).toBe(400);
    expect(far.body.code).toBe('INVALID_DATE_RANGE');
    expect(far.body.detail).toContain('366 days from today');
    expect(fieldsNamed(far.body)).toEqual(['body.today']);
    const before = await balanceOf(owner, s.family.id);
    await owner.patch(`/api/sessions/${s.intermediateThu.id}`, { capacity: 0 });
    const leo = await buildClient(server.db, s.organization.id, { familyId: s.family.id });
    const full = await enroll(owner, { clientId: leo.id, sessionId: s.intermediateThu.id, startsOn: '2027-03-11', finish: { kind: 'pay_later' } });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('CAPACITY_FULL');
    expect(await balanceOf(owner, s.family.id)).toEqual(before);
  });

  it('an Idempotency-Key makes a double-clicked enrollment one enrollment and one invoice', async () => {
    const { s, owner } = await e1();
    const leo = await buildClient(server.db, s.organization.id, { familyId: s.family.id });
    const key = randomUUID();
    const body = { clientId: leo.id, sessionId: s.intermediateThu.id, startsOn: '2027-03-11', finish: { kind: 'pay_now', amount: 7500, method: 'card' } };
    const [a, b] = await Promise.all([owner.post('/api/subscriptions', body, { 'idempotency-key': key }), owner.post('/api/subscriptions', body, { 'idempotency-key': key })]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.invoice.id).toBe(b.body.invoice.id);
    const profile = (await owner.get(`/api/clients/${leo.id}/profile`)).body;
    expect(profile.subscriptions).toHaveLength(1);
    expect(profile.invoices.filter((i: any) => i.subscriptionId === a.body.subscription.id)).toMatchObject([{ status: 'paid', paid: 7500 }]);
  });
});

describe('E8: a transfer keeps the billing horizon', () => {
  it('checkout shows "April 2027: Intermediate Thu $100.00 replaces Beginners Tue $80.00"; balance $80.00 before, $102.00 after', async () => {
    const { s, owner } = await e1();
    expect((await balanceOf(owner, s.family.id)).balance).toBe(8000);
    const preview = await owner.post('/api/transfers/preview', { ...e1Request(s), discounts: [credit] });
    expect(preview.body.quote.billingHorizon).toEqual([
      {
        periodStart: '2027-04-01',
        label: 'April 2027: Intermediate Thu $100.00 replaces Beginners Tue $80.00',
        replaces: { invoiceId: s.april.id, sessionName: 'Beginners Tue', total: 8000 },
        by: { sessionName: 'Intermediate Thu', total: 10000 },
      },
    ]);
    const done = await transfer(owner, { ...e1Request(s), discounts: [credit], finish: { kind: 'pay_later' } });
    expect(done.status).toBe(201);
    const after = await balanceOf(owner, s.family.id);
    expect(after.balance).toBe(10200);
    // The new enrollment holds an invoice for every period the old one was voided for.
    const newPeriods = after.invoices.filter((i: any) => i.subscriptionId === done.body.newSubscription.id && i.status !== 'void').map((i: any) => i.periodStart);
    expect(newPeriods).toEqual(expect.arrayContaining(['2027-03-01', '2027-04-01']));
  });
});

describe('the end date is the first date not attended: an open invoice due on it is voided, one due the day before stays', () => {
  /** E1 with April's open invoice due on `dueOn` instead of the 1st. */
  async function aprilDueOn(dueOn: string) {
    const scenario = await e1();
    await server.db.update(invoices).set({ dueOn }).where(eq(invoices.id, scenario.s.april.id));
    return scenario;
  }
  const aprilOf = async (api: TestApi, s: E1Scenario) => (await api.get(`/api/invoices/${s.april.id}`)).body.status;

  it('unenrolling from Tue 2027-04-06 voids April when it is due on 2027-04-06, and keeps it when due on 2027-04-05', async () => {
    const onTheDay = await aprilDueOn('2027-04-06');
    const ended = await onTheDay.owner.post(`/api/subscriptions/${onTheDay.s.subscription.id}/unenroll`, { date: '2027-04-06' });
    expect(ended.status).toBe(200);
    expect(ended.body.voidedInvoiceIds).toEqual([onTheDay.s.april.id]);
    expect(await aprilOf(onTheDay.owner, onTheDay.s)).toBe('void');

    const dayBefore = await aprilDueOn('2027-04-05');
    const kept = await dayBefore.owner.post(`/api/subscriptions/${dayBefore.s.subscription.id}/unenroll`, { date: '2027-04-06' });
    expect(kept.status).toBe(200);
    expect(kept.body.voidedInvoiceIds).toEqual([]);
    expect(await aprilOf(dayBefore.owner, dayBefore.s)).toBe('open');
  });

  it('a transfer whose old end is Tue 2027-04-06 replaces April due that day, and leaves April due the day before alone', async () => {
    const request = (s: E1Scenario) => ({ ...e1Request(s), transferDate: '2027-04-06', finish: { kind: 'pay_later' } });
    const onTheDay = await aprilDueOn('2027-04-06');
    const moved = await transfer(onTheDay.owner, request(onTheDay.s));
    expect(moved.status).toBe(201);
    expect(await aprilOf(onTheDay.owner, onTheDay.s)).toBe('void');
    const replaced = (await balanceOf(onTheDay.owner, onTheDay.s.family.id)).invoices.filter((i: any) => i.subscriptionId === moved.body.newSubscription.id);
    expect(replaced.map((i: any) => i.periodStart)).toEqual(['2027-04-01']);

    const dayBefore = await aprilDueOn('2027-04-05');
    const left = await transfer(dayBefore.owner, request(dayBefore.s));
    expect(left.status).toBe(201);
    expect(await aprilOf(dayBefore.owner, dayBefore.s)).toBe('open');
  });
});

describe('E9: refund, then undo', () => {
  it('undo is refused after Pay Now; a manager refunds $2.00 cash; undo then restores Beginners Tue and April; balance $80.00; the ledger shows every step', async () => {
    const { s, owner, manager, desk } = await e1();
    server.clock.setToday('2027-03-16');
    const done = await transfer(owner, { ...e1Request(s), discounts: [credit], finish: { kind: 'pay_now', amount: 200, method: 'cash' } });
    expect(done.status).toBe(201);
    expect((await owner.get(`/api/clients/${s.maya.id}/profile`)).body.transfers[0].undo).toEqual({
      possible: false,
      why: 'This transfer cannot be undone: $2.00 was paid on the new Intermediate Thu enrollment. Refund the payment first, then undo.',
    });
    const refused = await manager.post(`/api/transfers/${done.body.transfer.id}/undo`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'This transfer cannot be undone: $2.00 was paid on the new Intermediate Thu enrollment. Refund the payment first, then undo.',
    );

    const march = done.body.invoice;
    const refundBody = { paymentId: march.payments[0].id, method: 'cash', reason: 'transfer reversed' };
    const byDesk = await desk.post(`/api/invoices/${march.id}/refunds`, refundBody);
    expect(byDesk.status).toBe(403);
    const tooMuch = await manager.post(`/api/invoices/${march.id}/refunds`, { ...refundBody, amount: 201 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.detail).toBe('$2.01 is more than the $2.00 of this payment not yet refunded; enter at most $2.00.');
    const refunded = await manager.post(`/api/invoices/${march.id}/refunds`, refundBody);
    expect(refunded.status).toBe(201);
    expect(refunded.body).toMatchObject({ status: 'open', paid: 0, amountDue: 200, payments: [{ amount: 200, refunded: 200 }], refunds: [{ amount: 200, method: 'cash', reason: 'transfer reversed' }] });

    // The profile says who may undo it and what it needs, before anyone presses the button.
    const undoFor = async (api: TestApi) => (await api.get(`/api/clients/${s.maya.id}/profile`)).body.transfers[0].undo;
    expect(await undoFor(manager)).toEqual({ possible: true, why: null });
    expect(await undoFor(desk)).toEqual({ possible: false, why: 'A manager can undo this transfer.' });
    const history = (await desk.get(`/api/clients/${s.maya.id}/profile`)).body.history;
    expect(history.find((h: any) => h.action === 'invoice.refunded')).toMatchObject({ actorName: 'Test manager', actorRole: 'manager' });

    const undone = await manager.post(`/api/transfers/${done.body.transfer.id}/undo`, {});
    expect(undone.status).toBe(200);
    expect(undone.body.oldSubscription).toMatchObject({ status: 'active', endsOn: null });
    expect(undone.body.reopenedInvoiceIds).toEqual([s.april.id]);
    const after = await balanceOf(owner, s.family.id);
    expect(after.balance).toBe(8000);
    const status = Object.fromEntries(after.invoices.map((i: any) => [i.id, i.status]));
    expect(status).toMatchObject({ [march.id]: 'void', [done.body.horizonInvoices[0].id]: 'void', [s.april.id]: 'open', [s.march.id]: 'paid' });

    const statement = (await owner.get(`/api/families/${s.family.id}/statement?from=2027-01-01&to=2030-01-01`)).body;
    const steps = statement.entries.map((e: any) => [e.kind, e.amount]);
    expect(steps).toEqual([
      ['charge', 8000], // March, issued 2027-02-22
      ['payment', -8000], // paid in cash
      ['charge', 8000], // April, issued 2027-03-01
      ['void', -8000], // the transfer voids April
      ['charge', 5000], // Intermediate Thu March
      ['discount', -4800], // the suggested credit as a discount
      ['payment', -200], // Pay Now
      ['charge', 10000], // Intermediate Thu April (E8)
      ['refund', 200],
      ['void', -200], // undo: March and April of Intermediate Thu voided
      ['void', -10000],
      ['reopen', 8000], // Beginners Tue April open again
    ]);
    expect(statement).toMatchObject({ openingBalance: 0, closingBalance: 8000 });
    expect(statement.entries.at(-1).balance).toBe(8000);
    expect(statement.entries.find((e: any) => e.kind === 'refund').actorName).toBe('Test manager');
  });
});

describe('undo after the run billed the old enrollment again (invoices due on the 15th)', () => {
  /**
   * Found by the money reliability suite: with invoices due on the 15th, a transfer on 2027-04-13
   * voids Leo's April invoice of Beginners Tue (due 2027-04-15, after the end) although he still
   * attends 2027-04-06; the run then bills that date ($20.00, 1 of 4 Tuesdays). Undoing the transfer
   * reopened the $80.00 April invoice beside it: two live invoices for one month, which the unique
   * index refuses (a 500), where the undo should give back exactly what was there before.
   */
  async function leoTransferredThenRun() {
    const { s, owner, manager, desk } = await e1();
    expect((await owner.patch('/api/organization/billing-settings', { invoiceDueDay: 15 })).status).toBe(200);
    server.clock.setToday('2027-03-01');
    const leo = await buildClient(server.db, s.organization.id, { familyId: s.family.id, firstName: 'Leo', lastName: 'Patel' });
    const enrolled = await enroll(desk, { clientId: leo.id, sessionId: s.beginnersTue.id, startsOn: '2027-03-02', finish: { kind: 'pay_later' } });
    expect(enrolled.status).toBe(201);
    server.clock.setToday('2027-03-25');
    expect((await owner.post('/api/invoice-runs', {})).body.issued).toBe(1);
    const leoInvoices = async (subscriptionId: string) =>
      (await balanceOf(owner, s.family.id)).invoices
        .filter((i: any) => i.subscriptionId === subscriptionId)
        .map((i: any) => [i.periodStart, i.total, i.status])
        .sort();
    const old = enrolled.body.subscription.id;
    expect(await leoInvoices(old)).toEqual([
      ['2027-03-01', 8000, 'open'],
      ['2027-04-01', 8000, 'open'],
    ]);
    const moved = await transfer(desk, { subscriptionId: old, transferDate: '2027-04-13', targetSessionId: s.intermediateThu.id, finish: { kind: 'pay_later' } });
    expect(moved.status).toBe(201);
    expect(moved.body.voidedInvoiceIds).toHaveLength(1);
    server.clock.setToday('2027-04-01');
    expect((await owner.post('/api/invoice-runs', {})).body.issued).toBe(1);
    expect(await leoInvoices(old)).toEqual([
      ['2027-03-01', 8000, 'open'],
      ['2027-04-01', 2000, 'open'],
      ['2027-04-01', 8000, 'void'],
    ]);
    return { s, owner, manager, old, moved: moved.body, leoInvoices };
  }

  it('the undo voids the run’s $20.00 April invoice and reopens the $80.00 one: the enrollment is billed as before the transfer', async () => {
    const { s, owner, manager, old, moved, leoInvoices } = await leoTransferredThenRun();
    const before = (await balanceOf(owner, s.family.id)).balance;
    const undone = await manager.post(`/api/transfers/${moved.transfer.id}/undo`, {});
    expect(undone.status).toBe(200);
    expect(await leoInvoices(old)).toEqual([
      ['2027-03-01', 8000, 'open'],
      ['2027-04-01', 2000, 'void'],
      ['2027-04-01', 8000, 'open'],
    ]);
    // Before: March $80 + the run's April $20 + Intermediate Thu's April $60; after: March $80 + April $80.
    expect(before - (await balanceOf(owner, s.family.id)).balance).toBe(2000 + 6000 - 8000);
    expect((await owner.post('/api/invoice-runs', {})).body.issued).toBe(0);
  });

  it('refused with what to do when the run’s invoice has a payment on it', async () => {
    const { s, owner, manager, moved } = await leoTransferredThenRun();
    const rebilled = (await balanceOf(owner, s.family.id)).invoices.find((i: any) => i.total === 2000 && i.status === 'open');
    expect((await owner.post(`/api/invoices/${rebilled.id}/payments`, { amount: 500, method: 'cash' })).status).toBe(201);
    const refused = await manager.post(`/api/transfers/${moved.transfer.id}/undo`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'This transfer cannot be undone: the Beginners Tue invoice for April 2027 issued since the transfer has $5.00 paid on it. Refund it first, then undo.',
    );
  });
});

describe('a refund on an invoice its enrollment no longer needs', () => {
  /**
   * Found by the money reliability suite: money on an invoice keeps it when the enrollment ends
   * before it is due; refunding that money reopened it, asking the family again for a month of a
   * session the client had left (or an enrollment that was cancelled).
   */
  it('Maya paid April, then moved on 2027-03-16: refunding April voids it instead of asking $80.00 again for Beginners Tue', async () => {
    const { s, owner, manager } = await e1();
    server.clock.setToday('2027-03-10');
    const paid = await owner.post(`/api/invoices/${s.april.id}/payments`, { amount: 8000, method: 'card' });
    expect(paid.status).toBe(201);
    const done = await transfer(owner, { ...e1Request(s), finish: { kind: 'pay_later' } });
    expect(done.status).toBe(201);
    // April has money on it, so the transfer keeps it.
    expect(done.body.voidedInvoiceIds).toEqual([]);
    const before = (await balanceOf(owner, s.family.id)).balance;
    const refunded = await manager.post(`/api/invoices/${s.april.id}/refunds`, { paymentId: paid.body.payments[0].id, method: 'card', reason: 'Moved to Intermediate Thu' });
    expect(refunded.status).toBe(201);
    expect(refunded.body).toMatchObject({ status: 'void', paid: 0, amountDue: 0, refunds: [{ amount: 8000 }] });
    // The $80.00 went back to the family and April asks for nothing: the balance does not move.
    expect((await balanceOf(owner, s.family.id)).balance).toBe(before);
  });

  it('a partial refund leaves the invoice kept by what is still paid', async () => {
    const { s, owner, manager } = await e1();
    server.clock.setToday('2027-03-10');
    const paid = await owner.post(`/api/invoices/${s.april.id}/payments`, { amount: 8000, method: 'card' });
    expect((await transfer(owner, { ...e1Request(s), finish: { kind: 'pay_later' } })).status).toBe(201);
    const refunded = await manager.post(`/api/invoices/${s.april.id}/refunds`, { paymentId: paid.body.payments[0].id, amount: 3000, method: 'card', reason: 'Part back' });
    expect(refunded.body).toMatchObject({ status: 'open', paid: 5000, amountDue: 3000 });
  });
});

describe('E10: credit to the family account', () => {
  it('the $48.00 goes to the account: March $50.00 open, credit $48.00, balance $102.00; applied, $2.00 due and no credit', async () => {
    const { s, owner, desk } = await e1();
    const done = await transfer(owner, {
      ...e1Request(s),
      accountCredit: { amount: 4800, reason: 'Credit for 3 unused paid sessions of Beginners Tue' },
      finish: { kind: 'pay_later' },
    });
    expect(done.status).toBe(201);
    expect(done.body.invoice).toMatchObject({ total: 5000, amountDue: 5000, status: 'open' });
    const before = await balanceOf(owner, s.family.id);
    expect(before).toMatchObject({ balance: 10200, accountCredit: 4800 });

    const tooMuch = await desk.post(`/api/invoices/${done.body.invoice.id}/credits`, { amount: 4900 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.detail).toBe('$49.00 is more than can be applied: the family holds $48.00. Enter at most $48.00.');
    const applied = await desk.post(`/api/invoices/${done.body.invoice.id}/credits`, {});
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ credited: 4800, amountDue: 200, status: 'open', creditsApplied: [{ amount: 4800 }] });
    const after = await balanceOf(owner, s.family.id);
    expect(after).toMatchObject({ balance: 10200, accountCredit: 0 });
    const again = await desk.post(`/api/invoices/${done.body.invoice.id}/credits`, {});
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('The family holds no account credit to apply.');
  });

  it('undoing the transfer takes the credit back; once applied, the undo says to add it back first', async () => {
    const { s, owner, manager } = await e1();
    const body = { ...e1Request(s), accountCredit: { amount: 4800, reason: 'Unused sessions' }, finish: { kind: 'pay_later' } };
    const kept = await transfer(owner, body);
    expect((await manager.post(`/api/transfers/${kept.body.transfer.id}/undo`, {})).status).toBe(200);
    expect(await balanceOf(owner, s.family.id)).toMatchObject({ balance: 8000, accountCredit: 0 });

    const applied = await transfer(owner, body);
    expect((await owner.post(`/api/invoices/${s.march.id}/credits`, {})).status).toBe(409); // March is paid: nothing due
    const otherInvoice = (await balanceOf(owner, s.family.id)).invoices.find((i: any) => i.subscriptionId === applied.body.newSubscription.id && i.periodStart === '2027-04-01');
    expect((await owner.post(`/api/invoices/${otherInvoice.id}/credits`, {})).status).toBe(201);
    const refused = await manager.post(`/api/transfers/${applied.body.transfer.id}/undo`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('$48.00 of account credit it gave the family was applied to an invoice since');
  });
});

describe('the organization’s billing settings', () => {
  it('a manager sets the issue day and due day, front desk reads them; the run follows them', async () => {
    const { s, owner, manager, desk } = await e1();
    expect((await desk.get('/api/organization/billing-settings')).body).toEqual({ invoiceIssueDaysBefore: 7, invoiceDueDay: 1, applyAccountCreditAutomatically: false, autoApproveTransferRequests: false });
    expect((await desk.patch('/api/organization/billing-settings', { invoiceDueDay: 5 })).status).toBe(403);
    const bad = await manager.patch('/api/organization/billing-settings', { invoiceDueDay: 31 });
    expect(bad.status).toBe(400);
    expect(fieldsNamed(bad.body)).toEqual(['body.invoiceDueDay']);
    const changed = await manager.patch('/api/organization/billing-settings', { invoiceIssueDaysBefore: 14, invoiceDueDay: 5 });
    expect(changed.body).toEqual({ invoiceIssueDaysBefore: 14, invoiceDueDay: 5, applyAccountCreditAutomatically: false, autoApproveTransferRequests: false });
    // May's invoice is issued 14 days before it (2027-04-17), due on the 5th.
    server.clock.setToday('2027-04-17');
    expect((await owner.post('/api/invoice-runs', {})).body.issued).toBe(1);
    const may = (await balanceOf(owner, s.family.id)).invoices.find((i: any) => i.periodStart === '2027-05-01');
    expect(may).toMatchObject({ dueOn: '2027-05-05', issuedOn: '2027-04-17', total: 8000 });
  });

  it('with automatic credit, the run applies the family’s account credit to the invoices it issues', async () => {
    const { s, owner, manager } = await e1();
    await manager.patch('/api/organization/billing-settings', { applyAccountCreditAutomatically: true });
    await manager.post(`/api/families/${s.family.id}/account-credit`, { amount: 3000, reason: 'Prepaid' });
    server.clock.setToday('2027-04-24');
    const run = (await owner.post('/api/invoice-runs', {})).body;
    expect(run).toMatchObject({ issued: 1, creditApplied: 3000 });
    const balance = await balanceOf(owner, s.family.id);
    expect(balance.accountCredit).toBe(0);
    expect(balance.invoices.find((i: any) => i.periodStart === '2027-05-01')).toMatchObject({ credited: 3000, amountDue: 5000 });
  });
});

describe('statements', () => {
  it('a date range brings the earlier balance forward; CSV for a spreadsheet; bad ranges refused', async () => {
    const { s, owner } = await e1();
    const april = (await owner.get(`/api/families/${s.family.id}/statement?from=2027-03-01&to=2027-04-01`)).body;
    expect(april).toMatchObject({ familyName: 'Patel', openingBalance: 8000, closingBalance: 8000 });
    expect(april.entries.map((e: any) => [e.occurredOn, e.kind, e.amount, e.balance])).toEqual([
      ['2027-03-01', 'payment', -8000, 0],
      ['2027-03-01', 'charge', 8000, 8000],
    ]);
    const csv = await owner.get(`/api/families/${s.family.id}/statement?from=2027-03-01&to=2027-04-01&format=csv`);
    expect(csv.contentType).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('statement-Patel-2027-03-01.csv');
    expect((csv.body as string).split('\r\n')).toEqual([
      'Date,Description,Amount,Balance,By',
      '"Mon, Mar 1, 2027",Balance brought forward,,$80.00,',
      '"Mon, Mar 1, 2027",Payment (cash),-$80.00,$0.00,',
      '"Mon, Mar 1, 2027",Invoice: Beginners Tue — April 2027,$80.00,$80.00,',
      '',
    ]);
    const backwards = await owner.get(`/api/families/${s.family.id}/statement?from=2027-04-01&to=2027-03-01`);
    expect(backwards.status).toBe(400);
    expect(fieldsNamed(backwards.body)).toEqual(['querystring.to']);
  });
});

export type { E1Scenario };
