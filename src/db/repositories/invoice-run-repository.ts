import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { invoiceLines, invoiceRuns } from '../schema/index.js';
import type { InvoiceRow, NewInvoiceRow } from './invoice-repository.js';
import type { NewLedgerEntry } from './ledger-repository.js';
import type { NewMessage } from './message-repository.js';
import { tenantTable } from './tenant-table.js';

/** One batch of the invoice run, every row with its invoice's id (chosen by the run, so its lines, charge and messages can name it). */
export interface RunBatchRows {
  invoices: readonly (NewInvoiceRow & { id: string })[];
  lines: readonly (Omit<typeof invoiceLines.$inferInsert, 'organizationId' | 'id' | 'createdAt'> & { invoiceId: string })[];
  /** In the order the ledger records them; each of an invoice of the batch. */
  charges: readonly NewLedgerEntry[];
  /** Messages about the batch's invoices (`aboutId` an invoice's id). */
  messages: readonly NewMessage[];
}

/**
 * A batch's rows in one statement: the invoices, skipping any period a live invoice of the same
 * subscription already holds (the unique index over live invoices decides, so a retry or a race
 * on another server issues nothing twice), then the lines, ledger charges and messages of the
 * invoices inserted, and of no other. The rows
 * go as JSON, one parameter per table: a batch is hundreds of rows, which as bound values would be
 * thousands of parameters to send and plan in four round trips.
 */
const ISSUE_BATCH = (organizationId: string, rows: Record<keyof RunBatchRows, string>) => sql`
with new_invoices as (
  insert into invoices (organization_id, id, family_id, subscription_id, status, issued_on, due_on, period_start, period_end, subtotal, discount_total, total)
  select ${organizationId}, i.id, i.family_id, i.subscription_id, i.status, i.issued_on, i.due_on, i.period_start, i.period_end, i.subtotal, i.discount_total, i.total
  from json_to_recordset(${rows.invoices}::json) as i(id uuid, family_id uuid, subscription_id uuid, status invoice_status, issued_on date, due_on date,
    period_start date, period_end date, subtotal integer, discount_total integer, total integer)
  on conflict (organization_id, subscription_id, period_start) where status <> 'void' and subscription_id is not null and period_start is not null
  do nothing
  returning id, created_at
), new_lines as (
  insert into invoice_lines (organization_id, invoice_id, subscription_id, description, period_start, period_end, quantity_numerator, quantity_denominator, unit_amount, amount)
  select ${organizationId}, l.invoice_id, l.subscription_id, l.description, l.period_start, l.period_end, l.quantity_numerator, l.quantity_denominator, l.unit_amount, l.amount
  from json_to_recordset(${rows.lines}::json) as l(invoice_id uuid, subscription_id uuid, description text, period_start date, period_end date,
    quantity_numerator integer, quantity_denominator integer, unit_amount integer, amount integer)
  where l.invoice_id in (select id from new_invoices)
), new_charges as (
  insert into ledger_entries (organization_id, family_id, invoice_id, kind, amount, description, actor_user_id, occurred_on)
  select ${organizationId}, e.family_id, e.invoice_id, e.kind, e.amount, e.description, e.actor_user_id, e.occurred_on
  from json_to_recordset(${rows.charges}::json) as e(n integer, family_id uuid, invoice_id uuid, kind ledger_entry_kind, amount integer, description text,
    actor_user_id text, occurred_on date)
  where e.invoice_id in (select id from new_invoices)
  order by e.n
), new_messages as (
  insert into messages (organization_id, id, kind, topic, about_type, about_id, family_id, recipient_kind, recipient_id, recipient_name, recipient_email,
    subject, text_body, html_body, status, status_note, message_id, once_key)
  select ${organizationId}, m.id, m.kind, m.topic, m.about_type, m.about_id, m.family_id, m.recipient_kind, m.recipient_id, m.recipient_name, m.recipient_email,
    m.subject, m.text_body, m.html_body, m.status, m.status_note, m.message_id, m.once_key
  from json_to_recordset(${rows.messages}::json) as m(id uuid, kind message_kind, topic message_topic, about_type text, about_id text, family_id uuid,
    recipient_kind message_recipient_kind, recipient_id text, recipient_name text, recipient_email text, subject text, text_body text, html_body text,
    status message_status, status_note text, message_id text, once_key text)
  where m.about_id in (select id::text from new_invoices)
  on conflict (organization_id, once_key) where once_key is not null do nothing
)
select id::text as id, created_at from new_invoices`;

export const invoiceRunRepository = {
  ...tenantTable(invoiceRuns, { orderBy: [invoiceRuns.createdAt] }),

  /** The latest finished run, if any. */
  async latestFinished(db: Database, organizationId: string) {
    const [row] = await db
      .select()
      .from(invoiceRuns)
      .where(and(eq(invoiceRuns.organizationId, organizationId), isNotNull(invoiceRuns.finishedAt)))
      .orderBy(desc(invoiceRuns.runOn), desc(invoiceRuns.createdAt))
      .limit(1);
    return row;
  },

  /**
   * Every organization's finished runs as of `day` or later (the daily job's question: has
   * today's run happened?). A run that never finished is not among them.
   */
  async finishedOnOrAfter(db: Database, day: string) {
    return db
      .select({ organizationId: invoiceRuns.organizationId, runOn: invoiceRuns.runOn })
      .from(invoiceRuns)
      .where(and(gte(invoiceRuns.runOn, day), isNotNull(invoiceRuns.finishedAt)));
  },

  /**
   * Writes a batch of the run (see ISSUE_BATCH) in one statement; returns the invoices inserted.
   * Call inside the batch's transaction.
   */
  async issueBatch(db: Database, organizationId: string, batch: RunBatchRows): Promise<InvoiceRow[]> {
    if (batch.invoices.length === 0) return [];
    faultPoint('invoices.insert_issued');
    const json = {
      invoices: JSON.stringify(
        batch.invoices.map((i) => ({
          id: i.id,
          family_id: i.familyId,
          subscription_id: i.subscriptionId ?? null,
          status: i.status ?? 'open',
          issued_on: i.issuedOn,
          due_on: i.dueOn,
          period_start: i.periodStart ?? null,
          period_end: i.periodEnd ?? null,
          subtotal: i.subtotal,
          discount_total: i.discountTotal ?? 0,
          total: i.total,
        })),
      ),
      lines: JSON.stringify(
        batch.lines.map((l) => ({
          invoice_id: l.invoiceId,
          subscription_id: l.subscriptionId ?? null,
          description: l.description,
          period_start: l.periodStart ?? null,
          period_end: l.periodEnd ?? null,
          quantity_numerator: l.quantityNumerator ?? 1,
          quantity_denominator: l.quantityDenominator ?? 1,
          unit_amount: l.unitAmount,
          amount: l.amount,
        })),
      ),
      charges: JSON.stringify(
        batch.charges.map((e, n) => ({
          n,
          family_id: e.familyId,
          invoice_id: e.invoiceId,
          kind: e.kind,
          amount: e.amount,
          description: e.description,
          actor_user_id: e.actorUserId ?? null,
          occurred_on: e.occurredOn,
        })),
      ),
      messages: JSON.stringify(
        batch.messages.map((m) => ({
          id: m.id,
          kind: m.kind,
          topic: m.topic,
          about_type: m.aboutType,
          about_id: m.aboutId,
          family_id: m.familyId ?? null,
          recipient_kind: m.recipientKind,
          recipient_id: m.recipientId,
          recipient_name: m.recipientName,
          recipient_email: m.recipientEmail ?? null,
          subject: m.subject,
          text_body: m.textBody,
          html_body: m.htmlBody,
          status: m.status ?? 'pending',
          status_note: m.statusNote ?? null,
          message_id: m.messageId,
          once_key: m.onceKey ?? null,
        })),
      ),
    };
    // Both drivers (node-postgres, PGlite) answer execute() with { rows }.
    const result = (await db.execute(ISSUE_BATCH(organizationId, json))) as unknown as { rows: { id: string; created_at: Date | string }[] };
    const inserted = new Map(result.rows.map((row) => [row.id, new Date(row.created_at)]));
    return batch.invoices.flatMap((i): InvoiceRow[] => {
      const createdAt = inserted.get(i.id);
      if (!createdAt) return [];
      return [
        {
          organizationId,
          id: i.id,
          createdAt,
          familyId: i.familyId,
          subscriptionId: i.subscriptionId ?? null,
          status: i.status ?? 'open',
          issuedOn: i.issuedOn,
          dueOn: i.dueOn,
          subtotal: i.subtotal,
          discountTotal: i.discountTotal ?? 0,
          total: i.total,
          statusBeforeVoid: null,
          periodStart: i.periodStart ?? null,
          periodEnd: i.periodEnd ?? null,
        },
      ];
    });
  },
};
