import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildClient, buildFamily, buildInvoice, buildOrganization, buildSession, buildSubscription } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { invoiceRepository } from './invoice-repository.js';
import { invoiceRunRepository } from './invoice-run-repository.js';
import { subscriptionRepository, type BillablePosition } from './subscription-repository.js';

/** What the invoice run reads and records: its runs, its batches, a subscription's first billed period. */
let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('invoice runs', () => {
  it('finishedOnOrAfter lists finished runs as of the day or later, of every organization; latestFinished the newest', async () => {
    const org = await buildOrganization(db);
    await invoiceRunRepository.insert(db, org.id, { runOn: '2027-03-24', issued: 5, finishedAt: new Date() });
    const unfinished = await invoiceRunRepository.insert(db, org.id, { runOn: '2027-03-25', issued: 0, finishedAt: null });
    const mine = async (day: string) => (await invoiceRunRepository.finishedOnOrAfter(db, day)).filter((r) => r.organizationId === org.id);
    expect(await mine('2027-03-25')).toEqual([]);
    expect(await mine('2027-03-24')).toEqual([{ organizationId: org.id, runOn: '2027-03-24' }]);
    await invoiceRunRepository.update(db, org.id, unfinished.id, { issued: 7, finishedAt: new Date() });
    expect(await mine('2027-03-25')).toEqual([{ organizationId: org.id, runOn: '2027-03-25' }]);
    expect(await invoiceRunRepository.latestFinished(db, org.id)).toMatchObject({ runOn: '2027-03-25', issued: 7 });
  });
});

describe('the invoice run’s batches', () => {
  it('page every running subscription once by (end, id), leaving out ended ones, void ones and open ones of a session that ended', async () => {
    const org = await buildOrganization(db);
    const running = await buildSession(db, org.id, { startsOn: '2026-09-01' });
    const retired = await buildSession(db, org.id, { startsOn: '2020-01-07', endsOn: '2021-06-01' });
    const client = async () => (await buildClient(db, org.id, { familyId: (await buildFamily(db, org.id)).id })).id;
    const expected: string[] = [];
    for (let i = 0; i < 7; i++) {
      const endsOn = i % 3 === 0 ? null : `2027-0${4 + (i % 3)}-01`;
      expected.push((await buildSubscription(db, org.id, { sessionId: running.id, clientId: await client(), startsOn: '2026-09-01', endsOn })).id);
    }
    await buildSubscription(db, org.id, { sessionId: running.id, clientId: await client(), startsOn: '2026-09-01', endsOn: '2026-10-01' });
    await buildSubscription(db, org.id, { sessionId: running.id, clientId: await client(), startsOn: '2026-09-01', status: 'void' });
    await buildSubscription(db, org.id, { sessionId: retired.id, clientId: await client(), startsOn: '2020-01-07' });

    const seen: string[] = [];
    let after: BillablePosition | null = null;
    for (let page = 0; page < 10; page++) {
      const batch: Awaited<ReturnType<typeof subscriptionRepository.billableBatch>> = await subscriptionRepository.billableBatch(db, org.id, {
        after,
        limit: 3,
        from: '2027-01-01',
        to: '2027-05-01',
      });
      seen.push(...batch.map((row) => row.subscription.id));
      if (batch.length < 3) break;
      after = batch.at(-1)!.position;
    }
    expect(seen.sort()).toEqual(expected.sort());
  });

  it('billingOf: each subscription’s earliest billed period (void invoices included) and its live invoices’ periods in the range', async () => {
    const org = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const subscription = await buildSubscription(db, org.id, { clientId: (await buildClient(db, org.id, { familyId: family.id })).id });
    const other = await buildSubscription(db, org.id, { clientId: (await buildClient(db, org.id, { familyId: family.id })).id });
    const periods = [['2027-03-01', 'open'], ['2027-02-01', 'void'], ['2027-04-01', 'paid'], ['2027-05-01', 'open']] as const;
    for (const [periodStart, status] of periods) {
      await buildInvoice(db, org.id, { familyId: family.id, subscriptionId: subscription.id, periodStart, periodEnd: null, status });
    }
    const billing = await invoiceRepository.billingOf(db, org.id, [subscription.id, other.id], { from: '2027-02-01', to: '2027-05-01' });
    expect(billing.get(subscription.id)).toEqual({ firstPeriod: '2027-02-01', billedPeriods: new Set(['2027-03-01', '2027-04-01']) });
    expect(billing.get(other.id)).toEqual({ firstPeriod: null, billedPeriods: new Set() });
  });
});
