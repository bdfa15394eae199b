import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildClient, buildFamily, buildInvoice, buildOrganization, buildSession, buildSubscription } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { invoiceLines, invoices, ledgerEntries, messages } from '../schema/index.js';
import type { NewMessage } from './message-repository.js';
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

describe('a batch of the run written in one statement', () => {
  it('writes the invoices with their lines, charges (in order) and messages; a period already billed gets none of them', async () => {
    const org = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const subscription = async () => (await buildSubscription(db, org.id, { clientId: (await buildClient(db, org.id, { familyId: family.id })).id })).id;
    const [maya, leo] = [await subscription(), await subscription()];
    const rowsOf = (bills: { subscriptionId: string; periodStart: string; total: number }[]) => {
      const issued = bills.map((bill) => ({
        id: randomUUID(),
        familyId: family.id,
        subscriptionId: bill.subscriptionId,
        status: 'open' as const,
        issuedOn: '2027-03-25',
        dueOn: bill.periodStart,
        periodStart: bill.periodStart,
        periodEnd: null,
        subtotal: bill.total,
        discountTotal: 0,
        total: bill.total,
      }));
      const message = (invoiceId: string, recipient: string): NewMessage => ({
        organizationId: org.id,
        id: randomUUID(),
        kind: 'billing',
        topic: 'invoice_issued',
        aboutType: 'invoice',
        aboutId: invoiceId,
        familyId: family.id,
        recipientKind: 'guardian',
        recipientId: randomUUID(),
        recipientName: recipient,
        recipientEmail: null,
        subject: `Invoice ${invoiceId}`,
        textBody: 'A new invoice "quoted", with a line\nbreak',
        htmlBody: '<p>A new invoice &amp; more</p>',
        status: 'withheld',
        statusNote: 'No email address',
        messageId: `<${randomUUID()}@test>`,
        onceKey: null,
      });
      return {
        invoices: issued,
        lines: issued.map((i) => ({ invoiceId: i.id, subscriptionId: i.subscriptionId, description: `Line of ${i.periodStart}`, periodStart: i.periodStart, periodEnd: null, quantityNumerator: 1, quantityDenominator: 1, unitAmount: i.total, amount: i.total })),
        charges: issued.map((i) => ({ familyId: family.id, invoiceId: i.id, kind: 'charge' as const, amount: i.total, description: `Charge ${i.total}`, actorUserId: null, occurredOn: '2027-03-25' })),
        messages: issued.flatMap((i) => [message(i.id, 'Ana'), message(i.id, 'Ben')]),
      };
    };

    const first = rowsOf([{ subscriptionId: maya, periodStart: '2027-04-01', total: 300 }, { subscriptionId: leo, periodStart: '2027-04-01', total: 200 }]);
    const inserted = await db.transaction((tx) => invoiceRunRepository.issueBatch(tx, org.id, first));
    expect(inserted.map((i) => i.id).sort()).toEqual(first.invoices.map((i) => i.id).sort());
    expect(inserted[0]).toMatchObject({ ...first.invoices[0], organizationId: org.id, statusBeforeVoid: null });

    // Again for Maya's April (billed) and Leo's May (not yet): only Leo's May and what belongs to it.
    const again = rowsOf([{ subscriptionId: maya, periodStart: '2027-04-01', total: 999 }, { subscriptionId: leo, periodStart: '2027-05-01', total: 250 }]);
    const second = await db.transaction((tx) => invoiceRunRepository.issueBatch(tx, org.id, again));
    expect(second.map((i) => i.id)).toEqual([again.invoices[1]!.id]);

    const written = await db.select().from(invoices).where(eq(invoices.organizationId, org.id));
    expect(written.map((i) => i.total).sort()).toEqual([200, 250, 300]);
    const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.organizationId, org.id));
    expect(lines.map((l) => l.description).sort()).toEqual(['Line of 2027-04-01', 'Line of 2027-04-01', 'Line of 2027-05-01']);
    const charges = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.organizationId, org.id), eq(ledgerEntries.familyId, family.id)))
      .orderBy(asc(ledgerEntries.sequence));
    expect(charges.map((c) => c.description)).toEqual(['Charge 300', 'Charge 200', 'Charge 250']);
    const told = await db.select().from(messages).where(eq(messages.organizationId, org.id));
    expect(told).toHaveLength(6);
    expect(told.some((m) => m.aboutId === again.invoices[0]!.id)).toBe(false);
    const leoMay = told.find((m) => m.aboutId === again.invoices[1]!.id && m.recipientName === 'Ana')!;
    expect(leoMay).toMatchObject({ textBody: 'A new invoice "quoted", with a line\nbreak', htmlBody: '<p>A new invoice &amp; more</p>', status: 'withheld' });
  });
});
