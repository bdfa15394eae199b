import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceStatus } from '../../domain/billing/value-sets.js';
import type { Database, DatabaseHandle } from '../client.js';
import { invoices } from '../schema/index.js';
import { buildClient, buildFamily, buildOrganization, buildSession, buildSubscription } from '../seed/builders.js';
import { itOnServer, openTestDatabase } from '../testing/test-database.js';
import { invoiceLineRepository, invoiceRepository, type InvoiceRow } from './invoice-repository.js';
import { paymentRepository } from './payment-repository.js';

/** Row locks need a second connection: only the PostgreSQL server has one. */

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

/** A subscription of a client of a new family, and that family's id. */
async function buildEnrollment(organizationId: string, sessionId?: string) {
  const family = await buildFamily(db, organizationId);
  const client = await buildClient(db, organizationId, { familyId: family.id });
  const subscription = await buildSubscription(db, organizationId, { clientId: client.id, ...(sessionId ? { sessionId } : {}) });
  return { subscription, familyId: family.id };
}

async function buildInvoice(
  organizationId: string,
  o: { familyId: string; subscriptionId?: string | null; dueOn: string; status?: InvoiceStatus; total?: number },
) {
  const total = o.total ?? 8000;
  return invoiceRepository.insert(db, organizationId, {
    familyId: o.familyId,
    subscriptionId: o.subscriptionId ?? null,
    status: o.status ?? 'open',
    issuedOn: '2026-12-01',
    dueOn: o.dueOn,
    subtotal: total,
    discountTotal: 0,
    total,
  });
}

async function buildLine(
  organizationId: string,
  invoice: InvoiceRow,
  period: { periodStart: string | null; periodEnd: string | null },
  amount = 8000,
) {
  return invoiceLineRepository.insert(db, organizationId, {
    invoiceId: invoice.id,
    subscriptionId: invoice.subscriptionId,
    description: 'Lessons',
    ...period,
    unitAmount: amount,
    amount,
  });
}

async function pay(organizationId: string, invoice: InvoiceRow, amount: number) {
  return paymentRepository.insert(db, organizationId, { invoiceId: invoice.id, familyId: invoice.familyId, amount, method: 'cash' });
}

const byDueThenId = (a: InvoiceRow, b: InvoiceRow) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id);
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** Whether another connection finds the invoice's row locked (NOWAIT fails at once instead of queueing). */
async function lockedElsewhere(organizationId: string, id: string): Promise<boolean> {
  try {
    await db.execute(sql`select 1 from ${invoices} where ${invoices.organizationId} = ${organizationId} and ${invoices.id} = ${id} for update nowait`);
    return false;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === '55P03') return true;
    throw error;
  }
}

describe('invoiceRepository', () => {
  it('lists invoices by due date through the shared list, only the organization’s', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const march = await buildInvoice(org.id, { familyId: family.id, dueOn: '2027-03-01' });
    const january = await buildInvoice(org.id, { familyId: family.id, dueOn: '2027-01-01' });
    await buildInvoice(other.id, { familyId: (await buildFamily(db, other.id)).id, dueOn: '2027-02-01' });

    expect(await invoiceRepository.list(db, org.id, { limit: 10, offset: 0 })).toMatchObject({ items: [january, march], total: 2 });
  });

  describe('listForSubscriptions', () => {
    it('returns [] for no subscriptions', async () => {
      const org = await buildOrganization(db);
      expect(await invoiceRepository.listForSubscriptions(db, org.id, [])).toEqual([]);
    });

    it('returns the invoices of the given subscriptions by due date, then id', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const a = await buildEnrollment(org.id);
      const b = await buildEnrollment(org.id);
      const notAsked = await buildEnrollment(org.id);
      const mine = [
        await buildInvoice(org.id, { familyId: a.familyId, subscriptionId: a.subscription.id, dueOn: '2027-03-01' }),
        await buildInvoice(org.id, { familyId: b.familyId, subscriptionId: b.subscription.id, dueOn: '2027-02-01' }),
        await buildInvoice(org.id, { familyId: a.familyId, subscriptionId: a.subscription.id, dueOn: '2027-02-01' }),
        await buildInvoice(org.id, { familyId: a.familyId, subscriptionId: a.subscription.id, dueOn: '2027-01-01', status: 'void' }),
      ];
      await buildInvoice(org.id, { familyId: notAsked.familyId, subscriptionId: notAsked.subscription.id, dueOn: '2027-01-01' });
      await buildInvoice(org.id, { familyId: a.familyId, dueOn: '2027-01-01' });

      const ids = [a.subscription.id, b.subscription.id];
      expect(await invoiceRepository.listForSubscriptions(db, org.id, ids)).toEqual(mine.sort(byDueThenId));
      expect(await invoiceRepository.listForSubscriptions(db, other.id, ids)).toEqual([]);
    });
  });

  describe('listForSubscriptionsForUpdate', () => {
    it('returns [] for no subscriptions', async () => {
      const org = await buildOrganization(db);
      await db.transaction(async (tx) => {
        expect(await invoiceRepository.listForSubscriptionsForUpdate(tx, org.id, [])).toEqual([]);
      });
    });

    it('returns the invoices of the given subscriptions by id, only the organization’s', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const a = await buildEnrollment(org.id);
      const notAsked = await buildEnrollment(org.id);
      const mine = [
        await buildInvoice(org.id, { familyId: a.familyId, subscriptionId: a.subscription.id, dueOn: '2027-03-01' }),
        await buildInvoice(org.id, { familyId: a.familyId, subscriptionId: a.subscription.id, dueOn: '2027-01-01' }),
        await buildInvoice(org.id, { familyId: a.familyId, subscriptionId: a.subscription.id, dueOn: '2027-02-01' }),
      ];
      await buildInvoice(org.id, { familyId: notAsked.familyId, subscriptionId: notAsked.subscription.id, dueOn: '2027-01-01' });

      await db.transaction(async (tx) => {
        expect(await invoiceRepository.listForSubscriptionsForUpdate(tx, org.id, [a.subscription.id])).toEqual(mine.sort(byId));
        expect(await invoiceRepository.listForSubscriptionsForUpdate(tx, other.id, [a.subscription.id])).toEqual([]);
      });
    });

    itOnServer('locks those invoices until the transaction ends, and no others', async () => {
      const org = await buildOrganization(db);
      const a = await buildEnrollment(org.id);
      const b = await buildEnrollment(org.id);
      const locked = await buildInvoice(org.id, { familyId: a.familyId, subscriptionId: a.subscription.id, dueOn: '2027-01-01' });
      const free = await buildInvoice(org.id, { familyId: b.familyId, subscriptionId: b.subscription.id, dueOn: '2027-01-01' });

      await db.transaction(async (tx) => {
        await invoiceRepository.listForSubscriptionsForUpdate(tx, org.id, [a.subscription.id]);
        expect(await lockedElsewhere(org.id, locked.id)).toBe(true);
        expect(await lockedElsewhere(org.id, free.id)).toBe(false);
      });
      expect(await lockedElsewhere(org.id, locked.id)).toBe(false);
    });
  });

  describe('listForFamily', () => {
    it('returns the family’s invoices, with or without a subscription, by due date then id', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const a = await buildEnrollment(org.id);
      const otherFamily = await buildFamily(db, org.id);
      const mine = [
        await buildInvoice(org.id, { familyId: a.familyId, subscriptionId: a.subscription.id, dueOn: '2027-02-01' }),
        await buildInvoice(org.id, { familyId: a.familyId, dueOn: '2027-01-15', status: 'paid' }),
        await buildInvoice(org.id, { familyId: a.familyId, dueOn: '2027-02-01' }),
      ];
      await buildInvoice(org.id, { familyId: otherFamily.id, dueOn: '2027-01-01' });

      expect(await invoiceRepository.listForFamily(db, org.id, a.familyId)).toEqual(mine.sort(byDueThenId));
      expect(await invoiceRepository.listForFamily(db, other.id, a.familyId)).toEqual([]);
    });
  });

  describe('voidOpenDueOnOrAfter', () => {
    it('voids only the subscription’s open, unpaid invoices due on or after the date, keeping their status', async () => {
      const org = await buildOrganization(db);
      const session = await buildSession(db, org.id);
      const { subscription, familyId } = await buildEnrollment(org.id, session.id);
      const sibling = await buildEnrollment(org.id, session.id);
      const invoice = (dueOn: string, status: InvoiceStatus = 'open') => buildInvoice(org.id, { familyId, subscriptionId: subscription.id, dueOn, status });

      const april = await invoice('2027-04-01');
      const dueBefore = await invoice('2027-01-31');
      const dueOnDate = await invoice('2027-02-01');
      const march = await invoice('2027-03-01');
      const paid = await invoice('2027-03-01', 'paid');
      const closed = await invoice('2027-03-01', 'closed');
      const partlyPaid = await invoice('2027-03-15');
      await pay(org.id, partlyPaid, 100);
      const siblingInvoice = await buildInvoice(org.id, { familyId: sibling.familyId, subscriptionId: sibling.subscription.id, dueOn: '2027-03-01' });
      const familyInvoice = await buildInvoice(org.id, { familyId, dueOn: '2027-03-01' });

      const voided = await invoiceRepository.voidOpenDueOnOrAfter(db, org.id, subscription.id, '2027-02-01');

      // Returned as they were before, by due date.
      expect(voided).toEqual([dueOnDate, march, april]);
      for (const row of [dueOnDate, march, april]) {
        expect(await invoiceRepository.findById(db, org.id, row.id)).toEqual({ ...row, status: 'void', statusBeforeVoid: 'open' });
      }
      for (const row of [dueBefore, paid, closed, partlyPaid, siblingInvoice, familyInvoice]) {
        expect(await invoiceRepository.findById(db, org.id, row.id)).toEqual(row);
      }
    });

    it('leaves an invoice already void as it was, and returns [] when nothing is left to void', async () => {
      const org = await buildOrganization(db);
      const { subscription, familyId } = await buildEnrollment(org.id);
      const alreadyVoid = await invoiceRepository.insert(db, org.id, {
        familyId,
        subscriptionId: subscription.id,
        status: 'void',
        statusBeforeVoid: 'paid',
        issuedOn: '2026-12-01',
        dueOn: '2027-03-01',
        subtotal: 100,
        discountTotal: 0,
        total: 100,
      });
      const paidOnly = await buildInvoice(org.id, { familyId, subscriptionId: subscription.id, dueOn: '2027-03-01' });
      await pay(org.id, paidOnly, 8000);

      expect(await invoiceRepository.voidOpenDueOnOrAfter(db, org.id, subscription.id, '2027-02-01')).toEqual([]);
      expect(await invoiceRepository.findById(db, org.id, alreadyVoid.id)).toEqual(alreadyVoid);
      expect(await invoiceRepository.findById(db, org.id, paidOnly.id)).toEqual(paidOnly);
    });

    it('voids nothing when asked for another organization', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const { subscription, familyId } = await buildEnrollment(org.id);
      const open = await buildInvoice(org.id, { familyId, subscriptionId: subscription.id, dueOn: '2027-03-01' });

      expect(await invoiceRepository.voidOpenDueOnOrAfter(db, other.id, subscription.id, '2027-02-01')).toEqual([]);
      expect(await invoiceRepository.findById(db, org.id, open.id)).toEqual(open);
    });
  });

  describe('paidPeriodsEndingAfter', () => {
    it('returns each non-void invoice billing a period ending after the date: its span of dated lines and what was paid', async () => {
      const org = await buildOrganization(db);
      const session = await buildSession(db, org.id);
      const { subscription, familyId } = await buildEnrollment(org.id, session.id);
      const sibling = await buildEnrollment(org.id, session.id);
      const invoice = (dueOn: string, total: number, status: InvoiceStatus = 'open') =>
        buildInvoice(org.id, { familyId, subscriptionId: subscription.id, dueOn, status, total });

      // Ends on the date (exclusive end): nothing after it.
      const january = await invoice('2027-01-01', 8000, 'paid');
      await buildLine(org.id, january, { periodStart: '2027-01-01', periodEnd: '2027-02-01' });
      await pay(org.id, january, 8000);
      // Two months, two payments, due last: returned last.
      const springTerm = await invoice('2027-03-01', 16000);
      await buildLine(org.id, springTerm, { periodStart: '2027-03-01', periodEnd: '2027-04-01' });
      await buildLine(org.id, springTerm, { periodStart: '2027-02-01', periodEnd: '2027-03-01' });
      await pay(org.id, springTerm, 5000);
      await pay(org.id, springTerm, 3000);
      // One line dated at both ends, ending after the date, and lines missing a date: the span
      // comes from the line dated at both ends.
      const mixed = await invoice('2027-02-01', 9000);
      await buildLine(org.id, mixed, { periodStart: '2027-01-15', periodEnd: '2027-02-15' }, 8000);
      await buildLine(org.id, mixed, { periodStart: null, periodEnd: null }, 500);
      await buildLine(org.id, mixed, { periodStart: '2027-01-01', periodEnd: null }, 250);
      await buildLine(org.id, mixed, { periodStart: null, periodEnd: '2027-03-01' }, 250);
      // Bad data (a period that does not end after it starts) surfaces even though long past.
      const bad = await invoice('2026-05-01', 500);
      await buildLine(org.id, bad, { periodStart: '2026-05-01', periodEnd: '2026-05-01' }, 500);
      // Void, undated only, and another subscription's: none of them.
      const voided = await invoice('2027-02-01', 8000, 'void');
      await buildLine(org.id, voided, { periodStart: '2027-02-01', periodEnd: '2027-03-01' });
      const undated = await invoice('2027-02-01', 2000);
      await buildLine(org.id, undated, { periodStart: null, periodEnd: null }, 2000);
      const siblingInvoice = await buildInvoice(org.id, { familyId: sibling.familyId, subscriptionId: sibling.subscription.id, dueOn: '2027-02-01' });
      await buildLine(org.id, siblingInvoice, { periodStart: '2027-02-01', periodEnd: '2027-03-01' });

      expect(await invoiceRepository.paidPeriodsEndingAfter(db, org.id, subscription.id, '2027-02-01')).toEqual([
        { invoiceId: bad.id, total: 500, periodStart: '2026-05-01', periodEnd: '2026-05-01', paid: 0 },
        { invoiceId: mixed.id, total: 9000, periodStart: '2027-01-15', periodEnd: '2027-02-15', paid: 0 },
        { invoiceId: springTerm.id, total: 16000, periodStart: '2027-02-01', periodEnd: '2027-04-01', paid: 8000 },
      ]);
      // A day earlier, January's period ends after the date too.
      expect((await invoiceRepository.paidPeriodsEndingAfter(db, org.id, subscription.id, '2027-01-31')).map((row) => row.invoiceId)).toEqual([
        bad.id,
        january.id,
        mixed.id,
        springTerm.id,
      ]);
    });

    it('returns nothing for another organization', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const { subscription, familyId } = await buildEnrollment(org.id);
      const invoice = await buildInvoice(org.id, { familyId, subscriptionId: subscription.id, dueOn: '2027-02-01' });
      await buildLine(org.id, invoice, { periodStart: '2027-02-01', periodEnd: '2027-03-01' });

      expect(await invoiceRepository.paidPeriodsEndingAfter(db, org.id, subscription.id, '2027-02-01')).toHaveLength(1);
      expect(await invoiceRepository.paidPeriodsEndingAfter(db, other.id, subscription.id, '2027-02-01')).toEqual([]);
    });
  });
});

describe('invoiceLineRepository.listForInvoices', () => {
  it('returns [] for no invoices', async () => {
    const org = await buildOrganization(db);
    expect(await invoiceLineRepository.listForInvoices(db, org.id, [])).toEqual([]);
  });

  it('returns the lines of the given invoices by invoice, then period start, then id', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const [first, second] = [
      await buildInvoice(org.id, { familyId: family.id, dueOn: '2027-01-01' }),
      await buildInvoice(org.id, { familyId: family.id, dueOn: '2027-01-01' }),
    ].sort(byId) as [InvoiceRow, InvoiceRow];
    const notAsked = await buildInvoice(org.id, { familyId: family.id, dueOn: '2027-01-01' });
    const secondMarch = await buildLine(org.id, second, { periodStart: '2027-03-01', periodEnd: '2027-04-01' });
    const firstFeb = await buildLine(org.id, first, { periodStart: '2027-02-01', periodEnd: '2027-03-01' });
    const secondJan = await buildLine(org.id, second, { periodStart: '2027-01-01', periodEnd: '2027-02-01' });
    const firstJanTwice = [
      await buildLine(org.id, first, { periodStart: '2027-01-01', periodEnd: '2027-02-01' }),
      await buildLine(org.id, first, { periodStart: '2027-01-01', periodEnd: '2027-02-01' }),
    ].sort(byId);
    await buildLine(org.id, notAsked, { periodStart: '2027-01-01', periodEnd: '2027-02-01' });

    expect(await invoiceLineRepository.listForInvoices(db, org.id, [second.id, first.id])).toEqual([
      ...firstJanTwice,
      firstFeb,
      secondJan,
      secondMarch,
    ]);
    expect(await invoiceLineRepository.listForInvoices(db, other.id, [first.id, second.id])).toEqual([]);
    expect(await invoiceLineRepository.listForInvoices(db, org.id, [randomUUID()])).toEqual([]);
  });
});
