import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A tenant: one business. Every other table's primary key leads with its id. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    locale: text('locale').notNull().default('en-US'),
    /** Billing settings (DESIGN.md "Billing"): the run issues a period's invoices this many days before it starts… */
    invoiceIssueDaysBefore: integer('invoice_issue_days_before').notNull().default(7),
    /** …due on this day of the period's first month (1 = the 1st). */
    invoiceDueDay: integer('invoice_due_day').notNull().default(1),
    /** Whether the run applies a family's account credit to the invoices it issues. */
    applyAccountCreditAutomatically: boolean('apply_account_credit_automatically').notNull().default(false),
    /** The kinds of email the organization does not send to anyone (DESIGN.md "Notifications"). */
    mutedMessageKinds: text('muted_message_kinds').array().notNull().default(sql`'{}'::text[]`),
    /**
     * Whether a guardian's transfer request that keeps the service and the price, has a free seat
     * and reaches no past date is approved at once, with Pay Later (DESIGN.md "The family portal").
     */
    autoApproveTransferRequests: boolean('auto_approve_transfer_requests').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('organizations_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('organizations_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('organizations_invoice_issue_days_before_range', sql`${t.invoiceIssueDaysBefore} between 0 and 60`),
    check('organizations_invoice_due_day_range', sql`${t.invoiceDueDay} between 1 and 28`),
    check('organizations_muted_message_kinds', sql`${t.mutedMessageKinds} <@ array['schedule', 'billing', 'reminders']::text[]`),
  ],
);
