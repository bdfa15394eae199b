import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { buildClient, buildFamily, buildOrganization, buildSession, buildSubscription } from '../../../db/seed/builders.js';
import type { Discount } from '../../../domain/billing/discounts.js';
import { createInvoice } from '../../services/billing/create-invoice.js';
import { MISSING_ID, startTestServer, type TestApi, type TestServer, fieldsNamed } from '../../testing/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const usd = { currency: 'USD', locale: 'en-US' };

/** Riverside's Maya in Intermediate Thu, and a way to issue her family an invoice of any amount. */
async function setup() {
  const org = await buildOrganization(server.db, { name: `Riverside Swim School ${Math.random().toString(36).slice(2, 8)}` });
  const session = await buildSession(server.db, org.id, { name: 'Intermediate Thu', weekdays: [4], startsOn: '2027-01-07', price: 10_000 });
  const client = await buildClient(server.db, org.id, { firstName: 'Maya', lastName: 'Patel' });
  const subscription = await buildSubscription(server.db, org.id, { sessionId: session.id, clientId: client.id, startsOn: '2027-03-18' });
  const api = server.as(org.id);
  const issue = async (amount: number, discounts: Discount[] = []) => {
    // No billing period: invoices of any amount, several for one month (as a manual charge is).
    const row = await createInvoice(server.db, { organizationId: org.id, actorUserId: null, today: Temporal.PlainDate.from('2027-03-16') }, {
      familyId: client.familyId,
      subscriptionId: subscription.id,
      period: null,
      issuedOn: '2027-03-16',
      dueOn: '2027-03-18',
      lines: [
        {
          description: 'Intermediate Thu, March 2027',
          periodStart: '2027-03-01',
          periodEnd: '2027-04-01',
          quantityNumerator: 1,
          quantityDenominator: 1,
          unitAmount: amount,
          amount,
        },
      ],
      discounts,
      money: usd,
    });
    return row.id;
  };
  return { org, client, subscription, api, issue };
}

const read = async (api: TestApi, id: string) => (await api.get(`/api/invoices/${id}`)).body;
const auditActions = async (organizationId: string, id: string) =>
  (await auditRepository.listForEntity(server.db, organizationId, 'invoice', id)).map((e) => e.action);

/** Runs a request that must be refused and checks that the invoice and its audit trail did not change. */
async function expectRefusedUnchanged(
  o: { api: TestApi; organizationId: string; id: string },
  request: () => Promise<{ status: number; contentType: string; body: any }>,
) {
  const before = await read(o.api, o.id);
  const events = await auditActions(o.organizationId, o.id);
  const response = await request();
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.contentType).toContain('application/problem+json');
  expect(await read(o.api, o.id)).toEqual(before);
  expect(await auditActions(o.organizationId, o.id)).toEqual(events);
  return response;
}

describe('GET /api/invoices/:id', () => {
  it('shows lines, discounts, payments, write-offs and the amount due', async () => {
    const { api, issue, subscription, client } = await setup();
    const id = await issue(5_000, [{ kind: 'amount', amount: 4_800, reason: 'Credit for unused sessions' }]);
    const response = await api.get(`/api/invoices/${id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id,
      familyId: client.familyId,
      subscriptionId: subscription.id,
      clientName: 'Maya Patel',
      status: 'open',
      issuedOn: '2027-03-16',
      dueOn: '2027-03-18',
      periodStart: null,
      periodEnd: null,
      subtotal: 5_000,
      discountTotal: 4_800,
      total: 200,
      paid: 0,
      credited: 0,
      writtenOff: 0,
      amountDue: 200,
      lines: [
        {
          description: 'Intermediate Thu, March 2027',
          periodStart: '2027-03-01',
          periodEnd: '2027-04-01',
          quantityNumerator: 1,
          quantityDenominator: 1,
          unitAmount: 5_000,
          amount: 5_000,
        },
      ],
      discounts: [{ kind: 'amount', basisPoints: null, amount: 4_800, reason: 'Credit for unused sessions' }],
      payments: [],
      refunds: [],
      creditsApplied: [],
      writeOffs: [],
    });
  });

  it('refuses a malformed id, naming it, and answers 404 for a missing or another organization’s invoice', async () => {
    const { api, issue } = await setup();
    const bad = await api.get('/api/invoices/not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.detail).toContain('id');
    const missing = await api.get(`/api/invoices/${MISSING_ID}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const other = await setup();
    expect((await other.api.get(`/api/invoices/${await issue(1_000)}`)).status).toBe(404);
  });
});

describe('GET /api/families/:id/balance', () => {
  it('is invoiced − paid − written off, ignoring void invoices', async () => {
    const { api, issue, client } = await setup();
    const open = await issue(5_000);
    const voided = await issue(8_000);
    const written = await issue(1_000);
    await api.post(`/api/invoices/${voided}/void`, { reason: 'Entered twice' });
    await api.post(`/api/invoices/${open}/payments`, { amount: 1_500, method: 'cash' });
    await api.post(`/api/invoices/${written}/write-offs`, { reason: 'Goodwill', amount: 400 });
    const response = await api.get(`/api/families/${client.familyId}/balance`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ familyId: client.familyId, currency: 'USD', balance: 5_000 - 1_500 + 1_000 - 400 });
    expect(response.body.invoices.map((i: any) => [i.id, i.status, i.amountDue])).toEqual(
      expect.arrayContaining([
        [open, 'open', 3_500],
        [voided, 'void', 0],
        [written, 'open', 600],
      ]),
    );
  });

  it('is zero with no invoices; refuses a malformed id and answers 404 for a missing family', async () => {
    const { api, org } = await setup();
    const family = await buildFamily(server.db, org.id);
    expect((await api.get(`/api/families/${family.id}/balance`)).body).toEqual({ familyId: family.id, currency: 'USD', balance: 0, accountCredit: 0, invoices: [] });
    const bad = await api.get('/api/families/42/balance');
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('id');
    const missing = await api.get(`/api/families/${MISSING_ID}/balance`);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('family');
  });
});

describe('POST /api/invoices/:id/payments', () => {
  it('E4: $20.00 by check no. 1042 leaves $30.00 open; paying the rest makes it paid and the balance 0', async () => {
    const { api, issue, client, org } = await setup();
    const id = await issue(5_000);
    const partly = await api.post(`/api/invoices/${id}/payments`, { amount: 2_000, method: 'check', reference: '1042' });
    expect(partly.status).toBe(201);
    expect(partly.body).toMatchObject({ id, status: 'open', total: 5_000, paid: 2_000, amountDue: 3_000 });
    expect(partly.body.payments).toMatchObject([{ amount: 2_000, method: 'check', reference: '1042' }]);
    expect((await api.get(`/api/families/${client.familyId}/balance`)).body.balance).toBe(3_000);

    const rest = await api.post(`/api/invoices/${id}/payments`, { amount: 3_000, method: 'cash' });
    expect(rest.status).toBe(201);
    expect(rest.body).toMatchObject({ status: 'paid', paid: 5_000, amountDue: 0 });
    expect(rest.body.payments.map((p: any) => [p.amount, p.method, p.reference])).toEqual([
      [2_000, 'check', '1042'],
      [3_000, 'cash', null],
    ]);
    expect((await api.get(`/api/families/${client.familyId}/balance`)).body.balance).toBe(0);

    // Audited with the amounts before and after, in the client's history.
    const events = await auditRepository.listForEntity(server.db, org.id, 'invoice', id);
    expect(events.map((e) => e.action)).toEqual(['invoice.payment_recorded', 'invoice.payment_recorded']);
    expect(events.map((e) => e.clientId)).toEqual([client.id, client.id]);
    const first = events.find((e) => (e.before as any).paid === 0)!;
    expect(first.before).toMatchObject({ status: 'open', amountDue: 5_000 });
    expect(first.after).toMatchObject({ status: 'open', amountDue: 3_000, payment: { amount: 2_000, method: 'check', reference: '1042' } });
    const profile = await api.get(`/api/clients/${client.id}/profile`);
    expect(profile.body.history.map((h: any) => h.action)).toContain('invoice.payment_recorded');
    expect(profile.body.invoices[0]).toMatchObject({ id, status: 'paid', writeOffs: [] });
  });

  it('refuses more than is due, saying the maximum in dollars, and changes nothing', async () => {
    const { api, issue, org } = await setup();
    const id = await issue(5_000);
    await api.post(`/api/invoices/${id}/payments`, { amount: 2_000, method: 'card' });
    const response = await expectRefusedUnchanged({ api, organizationId: org.id, id }, () =>
      api.post(`/api/invoices/${id}/payments`, { amount: 3_001, method: 'card' }),
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', max: 3_000 });
    expect(response.body.fields).toEqual([{ field: 'body.amount', message: 'at most $30.00' }]);
    expect(response.body.detail).toBe('$30.01 is more than the $30.00 due on this invoice; enter at most $30.00 for the payment.');
  });

  it('refuses payments on void, closed and paid invoices with a reason, and changes nothing', async () => {
    const { api, issue, org } = await setup();
    const voided = await issue(5_000);
    await api.post(`/api/invoices/${voided}/void`, { reason: 'Entered twice' });
    const closed = await issue(200);
    await api.post(`/api/invoices/${closed}/write-offs`, { reason: 'Covered by March tuition' });
    const paid = await issue(1_000);
    await api.post(`/api/invoices/${paid}/payments`, { amount: 1_000, method: 'cash' });
    for (const [id, word] of [[voided, 'void'], [closed, 'closed'], [paid, 'paid in full']] as const) {
      const response = await expectRefusedUnchanged({ api, organizationId: org.id, id }, () =>
        api.post(`/api/invoices/${id}/payments`, { amount: 100, method: 'cash' }),
      );
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('CONFLICT');
      expect(response.body.detail).toContain(word);
    }
  });

  it('refuses a bad amount or method, naming the field, and answers 404 for a missing invoice', async () => {
    const { api, issue, org } = await setup();
    const id = await issue(5_000);
    for (const [body, field] of [
      [{ amount: 20.5, method: 'cash' }, 'amount'],
      [{ amount: 0, method: 'cash' }, 'amount'],
      [{ amount: '2000', method: 'cash' }, 'amount'],
      [{ amount: 2_000, method: 'bitcoin' }, 'method'],
      [{ amount: 2_000, method: 'check', reference: 1042 }, 'reference'],
    ] as const) {
      const response = await expectRefusedUnchanged({ api, organizationId: org.id, id }, () => api.post(`/api/invoices/${id}/payments`, body));
      expect(response.status).toBe(400);
      expect(fieldsNamed(response.body)).toEqual([`body.${field}`]);
    }
    expect((await api.post(`/api/invoices/${MISSING_ID}/payments`, { amount: 100, method: 'cash' })).status).toBe(404);
  });

  it('never takes more than is due when payments race', async () => {
    const { api, issue } = await setup();
    const id = await issue(5_000);
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => api.post(`/api/invoices/${id}/payments`, { amount: 2_000, method: 'cash' })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(2);
    expect(responses.filter((r) => r.status === 400)).toHaveLength(2);
    expect(await read(api, id)).toMatchObject({ status: 'open', paid: 4_000, amountDue: 1_000 });
  });
});

describe('POST /api/invoices/:id/discounts', () => {
  it('E3: 15 % off $33.33 is $5.00, total $28.33', async () => {
    const { api, issue, org, client } = await setup();
    const id = await issue(3_333);
    const response = await api.post(`/api/invoices/${id}/discounts`, { kind: 'percent', basisPoints: 1_500, reason: 'Sibling discount' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'open', subtotal: 3_333, discountTotal: 500, total: 2_833, amountDue: 2_833 });
    expect(response.body.discounts).toEqual([{ kind: 'percent', basisPoints: 1_500, amount: 500, reason: 'Sibling discount' }]);
    expect((await api.get(`/api/families/${client.familyId}/balance`)).body.balance).toBe(2_833);
    const [event] = await auditRepository.listForEntity(server.db, org.id, 'invoice', id);
    expect(event).toMatchObject({ action: 'invoice.discount_added', clientId: client.id, before: { total: 3_333 }, after: { total: 2_833 } });
  });

  it('takes a new discount off what earlier ones left, and marks a zero total paid', async () => {
    const { api, issue } = await setup();
    const id = await issue(5_000, [{ kind: 'amount', amount: 4_800, reason: 'Credit for unused sessions' }]);
    const half = await api.post(`/api/invoices/${id}/discounts`, { kind: 'percent', basisPoints: 5_000, reason: 'Half off the rest' });
    expect(half.body).toMatchObject({ status: 'open', discountTotal: 4_900, total: 100 });
    expect(half.body.discounts.map((d: any) => d.amount)).toEqual([4_800, 100]);
    const all = await api.post(`/api/invoices/${id}/discounts`, { kind: 'amount', amount: 100, reason: 'Rounding' });
    expect(all.body).toMatchObject({ status: 'paid', discountTotal: 5_000, total: 0, amountDue: 0 });
    const full = await api.post(`/api/invoices/${await issue(3_333)}/discounts`, { kind: 'percent', basisPoints: 10_000, reason: 'Free trial month' });
    expect(full.body).toMatchObject({ status: 'paid', total: 0 });
  });

  it('refuses an amount larger than what is left (DISCOUNT_EXCEEDS_TOTAL) and changes nothing', async () => {
    const { api, issue, org } = await setup();
    const id = await issue(3_333, [{ kind: 'percent', basisPoints: 1_500, reason: 'Sibling discount' }]);
    const response = await expectRefusedUnchanged({ api, organizationId: org.id, id }, () =>
      api.post(`/api/invoices/${id}/discounts`, { kind: 'amount', amount: 3_000, reason: 'Credit' }),
    );
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('DISCOUNT_EXCEEDS_TOTAL');
    expect(response.body.detail).toContain('$30.00');
    expect(response.body.detail).toContain('at most $28.33');
  });

  it('refuses a discount once paid or written off, or on a void invoice, saying why, and changes nothing', async () => {
    const { api, issue, org } = await setup();
    const partlyPaid = await issue(5_000);
    await api.post(`/api/invoices/${partlyPaid}/payments`, { amount: 2_000, method: 'check', reference: '1042' });
    const partlyWritten = await issue(5_000);
    await api.post(`/api/invoices/${partlyWritten}/write-offs`, { amount: 1_000, reason: 'Goodwill' });
    const voided = await issue(5_000);
    await api.post(`/api/invoices/${voided}/void`, { reason: 'Entered twice' });
    for (const [id, words] of [[partlyPaid, '$20.00 paid'], [partlyWritten, '$10.00 written off'], [voided, 'void']] as const) {
      const response = await expectRefusedUnchanged({ api, organizationId: org.id, id }, () =>
        api.post(`/api/invoices/${id}/discounts`, { kind: 'percent', basisPoints: 1_000, reason: 'Loyalty' }),
      );
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('CONFLICT');
      expect(response.body.detail).toContain(words);
    }
  });

  it('refuses a bad discount, naming the field, and answers 404 for a missing invoice', async () => {
    const { api, issue, org } = await setup();
    const id = await issue(5_000);
    for (const [body, field] of [
      [{ kind: 'percent', basisPoints: 15.5, reason: 'Sibling' }, 'basisPoints'],
      [{ kind: 'percent', basisPoints: 10_001, reason: 'Sibling' }, 'basisPoints'],
      [{ kind: 'amount', amount: 1_000, reason: '   ' }, 'reason'],
      [{ kind: 'amount', amount: -5, reason: 'Credit' }, 'amount'],
      [{ kind: 'coupon', amount: 1_000, reason: 'Credit' }, 'kind'],
    ] as const) {
      const response = await expectRefusedUnchanged({ api, organizationId: org.id, id }, () => api.post(`/api/invoices/${id}/discounts`, body));
      expect(response.status).toBe(400);
      expect(fieldsNamed(response.body)).toEqual([`body.${field}`]);
    }
    expect((await api.post(`/api/invoices/${MISSING_ID}/discounts`, { kind: 'amount', amount: 100, reason: 'Credit' })).status).toBe(404);
  });
});

describe('POST /api/invoices/:id/write-offs', () => {
  it('E1 close now: writes off the whole $2.00 with its reason; closed, family balance 0', async () => {
    const { api, issue, client, org } = await setup();
    const id = await issue(5_000, [{ kind: 'amount', amount: 4_800, reason: 'Credit for unused sessions' }]);
    const response = await api.post(`/api/invoices/${id}/write-offs`, { reason: 'Covered by March tuition' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'closed', total: 200, writtenOff: 200, amountDue: 0 });
    expect(response.body.writeOffs).toMatchObject([{ amount: 200, reason: 'Covered by March tuition' }]);
    expect(response.body.writeOffs[0].writtenOffAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await api.get(`/api/families/${client.familyId}/balance`)).body.balance).toBe(0);
    expect(await auditActions(org.id, id)).toEqual(['invoice.written_off']);
  });

  it('writes off part (stays open) and then the rest after a payment (closed)', async () => {
    const { api, issue, client } = await setup();
    const id = await issue(5_000);
    const part = await api.post(`/api/invoices/${id}/write-offs`, { reason: 'Missed lesson', amount: 1_000 });
    expect(part.body).toMatchObject({ status: 'open', writtenOff: 1_000, amountDue: 4_000 });
    await api.post(`/api/invoices/${id}/payments`, { amount: 2_500, method: 'card' });
    const rest = await api.post(`/api/invoices/${id}/write-offs`, { reason: 'Family hardship' });
    expect(rest.body).toMatchObject({ status: 'closed', paid: 2_500, writtenOff: 2_500, amountDue: 0 });
    expect((await api.get(`/api/families/${client.familyId}/balance`)).body.balance).toBe(0);
  });

  it('refuses void, paid and closed invoices and more than is due, and changes nothing', async () => {
    const { api, issue, org } = await setup();
    const voided = await issue(5_000);
    await api.post(`/api/invoices/${voided}/void`, { reason: 'Entered twice' });
    const paid = await issue(1_000);
    await api.post(`/api/invoices/${paid}/payments`, { amount: 1_000, method: 'cash' });
    const closed = await issue(1_000);
    await api.post(`/api/invoices/${closed}/write-offs`, { reason: 'Covered' });
    for (const [id, word] of [[voided, 'void'], [paid, 'paid in full'], [closed, 'closed']] as const) {
      const response = await expectRefusedUnchanged({ api, organizationId: org.id, id }, () =>
        api.post(`/api/invoices/${id}/write-offs`, { reason: 'Again' }),
      );
      expect(response.status).toBe(409);
      expect(response.body.detail).toContain(word);
    }
    const open = await issue(1_000);
    const tooMuch = await expectRefusedUnchanged({ api, organizationId: org.id, id: open }, () =>
      api.post(`/api/invoices/${open}/write-offs`, { reason: 'Goodwill', amount: 1_001 }),
    );
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.detail).toContain('at most $10.00');
  });

  it('refuses a missing reason, naming it, and answers 404 for a missing invoice', async () => {
    const { api, issue, org } = await setup();
    const id = await issue(1_000);
    for (const [body, field] of [
      [{}, 'reason'],
      [{ reason: '' }, 'reason'],
      [{ reason: 'Goodwill', amount: 10.5 }, 'amount'],
    ] as const) {
      const response = await expectRefusedUnchanged({ api, organizationId: org.id, id }, () => api.post(`/api/invoices/${id}/write-offs`, body));
      expect(response.status).toBe(400);
      expect(fieldsNamed(response.body)).toEqual([`body.${field}`]);
    }
    expect((await api.post(`/api/invoices/${MISSING_ID}/write-offs`, { reason: 'Goodwill' })).status).toBe(404);
  });
});

describe('POST /api/invoices/:id/void', () => {
  it('voids an open unpaid invoice, keeping the status it had; it leaves the balance', async () => {
    const { api, issue, client, org } = await setup();
    const id = await issue(8_000);
    expect((await api.get(`/api/families/${client.familyId}/balance`)).body.balance).toBe(8_000);
    const response = await api.post(`/api/invoices/${id}/void`, { reason: 'Entered twice' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, status: 'void', total: 8_000, amountDue: 0 });
    expect((await invoiceRepository.findById(server.db, org.id, id))?.statusBeforeVoid).toBe('open');
    expect((await api.get(`/api/families/${client.familyId}/balance`)).body.balance).toBe(0);
    const [event] = await auditRepository.listForEntity(server.db, org.id, 'invoice', id);
    expect(event).toMatchObject({
      action: 'invoice.voided',
      clientId: client.id,
      before: { status: 'open' },
      after: { status: 'void', reason: 'Entered twice' },
    });
  });

  it('refuses an invoice with a payment, a paid one and a void one, saying why, and changes nothing', async () => {
    const { api, issue, org } = await setup();
    const partlyPaid = await issue(5_000);
    await api.post(`/api/invoices/${partlyPaid}/payments`, { amount: 2_000, method: 'check', reference: '1042' });
    const paid = await issue(1_000);
    await api.post(`/api/invoices/${paid}/payments`, { amount: 1_000, method: 'cash' });
    const voided = await issue(1_000);
    await api.post(`/api/invoices/${voided}/void`, { reason: 'Entered twice' });
    for (const [id, words] of [[partlyPaid, '$20.00 paid'], [paid, 'paid in full'], [voided, 'already void']] as const) {
      const response = await expectRefusedUnchanged({ api, organizationId: org.id, id }, () =>
        api.post(`/api/invoices/${id}/void`, { reason: 'Mistake' }),
      );
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('CONFLICT');
      expect(response.body.detail).toContain(words);
    }
  });

  it('refuses a missing reason, naming it, and answers 404 for a missing invoice', async () => {
    const { api, issue, org } = await setup();
    const id = await issue(1_000);
    const response = await expectRefusedUnchanged({ api, organizationId: org.id, id }, () => api.post(`/api/invoices/${id}/void`, {}));
    expect(response.status).toBe(400);
    expect(fieldsNamed(response.body)).toEqual(['body.reason']);
    expect(response.body.detail).toBe('Please correct: The reason is required: say why.');
    expect((await api.post(`/api/invoices/${MISSING_ID}/void`, { reason: 'Mistake' })).status).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents every billing route', async () => {
    const { api } = await setup();
    const paths = Object.keys((await api.get('/docs/json')).body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/invoices/{id}',
        '/api/families/{id}/balance',
        '/api/invoices/{id}/payments',
        '/api/invoices/{id}/discounts',
        '/api/invoices/{id}/write-offs',
        '/api/invoices/{id}/void',
      ]),
    );
  });
});
