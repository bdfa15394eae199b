import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { anyOf } from './window.js';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { accountCreditEntries, invoiceLines, invoices, payments, refunds } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

export type NewInvoiceRow = Omit<typeof invoices.$inferInsert, 'organizationId' | 'createdAt'>;

export const invoiceRepository = {
  ...tenantTable(invoices, { orderBy: [invoices.dueOn] }),

  /**
   * What the invoice run needs to know of each subscription's invoices, in one query: its first
   * billed period (void invoices included: billing started there) and the periods starting in
   * [from, to) that a live invoice holds. Both are seeks into invoices_subscription_idx (it ends
   * with period_start), not reads of a subscription's years of invoices.
   */
  async billingOf(
    db: Database,
    organizationId: string,
    subscriptionIds: readonly string[],
    range: { from: string; to: string },
  ): Promise<Map<string, { firstPeriod: string | null; billedPeriods: Set<string> }>> {
    if (subscriptionIds.length === 0) return new Map();
    const result = await db.execute(sql`
      select s.id::text as subscription_id,
        (select ${invoices.periodStart}::text from ${invoices}
         where ${invoices.organizationId} = ${organizationId} and ${invoices.subscriptionId} = s.id and ${invoices.periodStart} is not null
         order by ${invoices.periodStart} limit 1) as first_period,
        array(select ${invoices.periodStart}::text from ${invoices}
         where ${invoices.organizationId} = ${organizationId} and ${invoices.subscriptionId} = s.id and ${invoices.status} <> 'void'
           and ${invoices.periodStart} >= ${range.from}::date and ${invoices.periodStart} < ${range.to}::date) as billed_periods
      from unnest(${sql.param([...new Set(subscriptionIds)])}::uuid[]) as s(id)`);
    const rows = (result as unknown as { rows: { subscription_id: string; first_period: string | null; billed_periods: string[] }[] }).rows;
    return new Map(rows.map((row) => [row.subscription_id, { firstPeriod: row.first_period, billedPeriods: new Set(row.billed_periods) }] as const));
  },

  /** `${subscriptionId}:${periodStart}` of the subscriptions' live invoices for periods starting in [from, to). */
  async billedPeriods(db: Database, organizationId: string, subscriptionIds: readonly string[], range: { from: string; to: string }) {
    if (subscriptionIds.length === 0) return new Set<string>();
    const rows = await db
      .select({ subscriptionId: invoices.subscriptionId, periodStart: invoices.periodStart })
      .from(invoices)
      .where(
        and(
          eq(invoices.organizationId, organizationId),
          anyOf(invoices.subscriptionId, subscriptionIds),
          sql`${invoices.status} <> 'void'`,
          gte(invoices.periodStart, range.from),
          lt(invoices.periodStart, range.to),
        ),
      );
    return new Set(rows.map((row) => `${row.subscriptionId}:${row.periodStart}`));
  },

  async listForSubscriptions(db: Database, organizationId: string, subscriptionIds: readonly string[]) {
    if (subscriptionIds.length === 0) return [];
    return db
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, organizationId), anyOf(invoices.subscriptionId, subscriptionIds)))
      .orderBy(asc(invoices.dueOn), asc(invoices.id));
  },

  /**
   * The subscription's invoices that ending it on `dueOn` voids: open, due on or after that
   * date, with no payment and no account credit on them (money received is never dropped: such
   * an invoice stays, and counts towards a credit). By due date. With `lock`, they are locked,
   * so a payment being recorded on one of them (which locks the invoice too) is either seen
   * here or refused there, never lost on a void invoice.
   */
  async listVoidableDueOnOrAfter(db: Database, organizationId: string, subscriptionId: string, dueOn: string, o: { lock: boolean }) {
    const query = db
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.organizationId, organizationId),
          eq(invoices.subscriptionId, subscriptionId),
          eq(invoices.status, 'open'),
          gte(invoices.dueOn, dueOn),
        ),
      )
      .orderBy(asc(invoices.dueOn), asc(invoices.id));
    const candidates = o.lock ? await query.for('update') : await query;
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c.id);
    // Money still on the invoice: payments not refunded, or account credit applied.
    const withMoney = await db.execute(sql`
      select m.id from (
        select ${payments.invoiceId} as id, ${payments.amount} as amount from ${payments}
          where ${payments.organizationId} = ${organizationId} and ${anyOf(payments.invoiceId, ids)}
        union all
        select ${refunds.invoiceId}, -${refunds.amount} from ${refunds}
          where ${refunds.organizationId} = ${organizationId} and ${anyOf(refunds.invoiceId, ids)}
        union all
        select ${accountCreditEntries.invoiceId}, -${accountCreditEntries.amount} from ${accountCreditEntries}
          where ${accountCreditEntries.organizationId} = ${organizationId} and ${anyOf(accountCreditEntries.invoiceId, ids)}
      ) m group by m.id having sum(m.amount) > 0`);
    // Both drivers (node-postgres, PGlite) answer execute() with { rows }.
    const received = new Set((withMoney as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
    return candidates.filter((c) => !received.has(c.id));
  },

  /**
   * Voids what listVoidableDueOnOrAfter finds (what ending a subscription does), keeping each
   * invoice's status so an undo can restore it. Returns the voided invoices as they were, by due date.
   */
  async voidOpenDueOnOrAfter(db: Database, organizationId: string, subscriptionId: string, dueOn: string) {
    faultPoint('invoices.void_open');
    const voidable = await invoiceRepository.listVoidableDueOnOrAfter(db, organizationId, subscriptionId, dueOn, { lock: true });
    if (voidable.length === 0) return [];
    await db
      .update(invoices)
      .set({ status: 'void', statusBeforeVoid: 'open' })
      .where(and(eq(invoices.organizationId, organizationId), anyOf(invoices.id, voidable.map((i) => i.id))));
    return voidable;
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

  /** Open invoices due on exactly this day (a reminder goes out a few days before it). */
  async listOpenDueOn(db: Database, organizationId: string, dueOn: string) {
    return db
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, organizationId), eq(invoices.status, 'open'), eq(invoices.dueOn, dueOn)))
      .orderBy(invoices.id);
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

  /** Several lines in one statement (the run writes hundreds at once). */
  listForInvoices(db: Database, organizationId: string, invoiceIds: readonly string[]) {
    return lineRows.listWhereIn(db, organizationId, invoiceLines.invoiceId, invoiceIds, [invoiceLines.invoiceId, invoiceLines.periodStart, invoiceLines.id]);
  },
};
