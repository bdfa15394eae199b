import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { anyOf } from './window.js';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { invoiceLines, invoices, payments } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

export const invoiceRepository = {
  ...tenantTable(invoices, { orderBy: [invoices.dueOn] }),

  async listForSubscriptions(db: Database, organizationId: string, subscriptionIds: readonly string[]) {
    if (subscriptionIds.length === 0) return [];
    return db
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, organizationId), anyOf(invoices.subscriptionId, subscriptionIds)))
      .orderBy(asc(invoices.dueOn), asc(invoices.id));
  },

  /**
   * Voids the subscription's open invoices due on or after `dueOn` (what ending a
   * subscription does), keeping their status so an undo can restore it. Returns their ids
   * by due date. Paid and closed invoices are left alone, and so is an open invoice with a
   * payment on it: money received is never dropped (it stays, and counts towards a credit).
   * The candidates are locked first, so a payment being recorded on one of them (which locks
   * the invoice too) is either seen here or refused there, never lost on a void invoice.
   */
  async voidOpenDueOnOrAfter(db: Database, organizationId: string, subscriptionId: string, dueOn: string) {
    faultPoint('invoices.void_open');
    const scope = and(
      eq(invoices.organizationId, organizationId),
      eq(invoices.subscriptionId, subscriptionId),
      eq(invoices.status, 'open'),
      gte(invoices.dueOn, dueOn),
    );
    const candidates = await db.select({ id: invoices.id }).from(invoices).where(scope).orderBy(asc(invoices.id)).for('update');
    if (candidates.length === 0) return [];
    const withPayments = await db
      .selectDistinct({ id: payments.invoiceId })
      .from(payments)
      .where(and(eq(payments.organizationId, organizationId), anyOf(payments.invoiceId, candidates.map((c) => c.id))));
    const paid = new Set(withPayments.map((p) => p.id));
    const unpaid = candidates.map((c) => c.id).filter((id) => !paid.has(id));
    if (unpaid.length === 0) return [];
    const voided = await db
      .update(invoices)
      .set({ status: 'void', statusBeforeVoid: 'open' })
      .where(and(scope, anyOf(invoices.id, unpaid)))
      .returning({ id: invoices.id, dueOn: invoices.dueOn });
    return voided.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id)).map(({ id }) => id);
  },

  /** Locks the subscriptions' invoices until the transaction ends (payments on them queue behind). */
  async listForSubscriptionsForUpdate(db: Database, organizationId: string, subscriptionIds: readonly string[]) {
    if (subscriptionIds.length === 0) return [];
    return db
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, organizationId), anyOf(invoices.subscriptionId, subscriptionIds)))
      .orderBy(asc(invoices.id))
      .for('update');
  },

  async listForFamily(db: Database, organizationId: string, familyId: string) {
    return db
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, organizationId), eq(invoices.familyId, familyId)))
      .orderBy(asc(invoices.dueOn), asc(invoices.id));
  },

  /**
   * What the subscription's invoices (void ones aside) paid for, one row per invoice that has
   * a billed period ending after `date` (or a line whose period does not end after it starts,
   * so bad data still surfaces), by due date: the first start and last end of its lines with
   * both dates, and the sum of its payments. A credit from `date` on can only come from these,
   * and a long-standing subscription's years of earlier months are not read.
   */
  async paidPeriodsEndingAfter(db: Database, organizationId: string, subscriptionId: string, date: string) {
    const complete = sql`${invoiceLines.organizationId} = ${invoices.organizationId} and ${invoiceLines.invoiceId} = ${invoices.id}
      and ${invoiceLines.periodStart} is not null and ${invoiceLines.periodEnd} is not null`;
    // Both drivers (node-postgres, PGlite) answer execute() with { rows }.
    const result = (await db.execute(sql`
      select ${invoices.id} as id, ${invoices.total} as total,
        (select min(${invoiceLines.periodStart}) from ${invoiceLines} where ${complete})::text as period_start,
        (select max(${invoiceLines.periodEnd}) from ${invoiceLines} where ${complete})::text as period_end,
        (select coalesce(sum(${payments.amount}), 0) from ${payments}
          where ${payments.organizationId} = ${invoices.organizationId} and ${payments.invoiceId} = ${invoices.id})::int8 as paid
      from ${invoices}
      where ${invoices.organizationId} = ${organizationId} and ${invoices.subscriptionId} = ${subscriptionId} and ${invoices.status} <> 'void'
        and exists (
          select 1 from ${invoiceLines}
          where ${invoiceLines.organizationId} = ${invoices.organizationId} and ${invoiceLines.invoiceId} = ${invoices.id}
            and (${invoiceLines.periodEnd} > ${date} or ${invoiceLines.periodEnd} <= ${invoiceLines.periodStart}))
      order by ${invoices.dueOn}, ${invoices.id}`)) as unknown as {
      rows: { id: string; total: number; period_start: string | null; period_end: string | null; paid: string | number }[];
    };
    return result.rows.map((row) => ({
      invoiceId: row.id,
      total: Number(row.total),
      periodStart: row.period_start,
      periodEnd: row.period_end,
      paid: Number(row.paid),
    }));
  },
};

const lineRows = tenantTable(invoiceLines, { orderBy: [invoiceLines.invoiceId, invoiceLines.periodStart] });
export const invoiceLineRepository = {
  ...lineRows,

  listForInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    return lineRows.listWhereIn(db, organizationId, invoiceLines.invoiceId, invoiceIds, [invoiceLines.invoiceId, invoiceLines.periodStart, invoiceLines.id]);
  },
};
