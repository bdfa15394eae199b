import { discountKinds, invoiceStatuses, ledgerEntryKinds, paymentMethods } from '../../domain/billing/value-sets.js';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.js';
import { families } from './families.js';
import { subscriptions } from './subscriptions.js';

export const invoiceStatus = pgEnum('invoice_status', invoiceStatuses);

/** What a family owes. Amounts are integer minor units of the organization's currency. */
export const invoices = pgTable(
  'invoices',
  {
    ...tenantColumns(),
    familyId: uuid('family_id').notNull(),
    subscriptionId: uuid('subscription_id'),
    status: invoiceStatus('status').notNull().default('open'),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    subtotal: integer('subtotal').notNull(),
    discountTotal: integer('discount_total').notNull().default(0),
    total: integer('total').notNull(),
    /** Status before it was voided, so undoing a transfer can restore it exactly. */
    statusBeforeVoid: invoiceStatus('status_before_void'),
    /**
     * The billing period a subscription's invoice is for (its month's first day, or the start of
     * a full-session series) and its exclusive end; null on an invoice of no subscription.
     */
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    foreignKey({
      columns: [t.organizationId, t.subscriptionId],
      foreignColumns: [subscriptions.organizationId, subscriptions.id],
    }),
    index('invoices_family_idx').on(t.organizationId, t.familyId),
    // period_start last: the invoice run finds a subscription's first billed period by one seek.
    index('invoices_subscription_idx').on(t.organizationId, t.subscriptionId, t.periodStart),
    // DESIGN.md: one live invoice per subscription and period, whoever writes it (the run, an
    // enrollment, a transfer): a retry or a race can never bill a period twice.
    uniqueIndex('invoices_one_live_per_subscription_period')
      .on(t.organizationId, t.subscriptionId, t.periodStart)
      .where(sql`${t.status} <> 'void' and ${t.subscriptionId} is not null and ${t.periodStart} is not null`),
    check('invoices_amounts_not_negative', sql`${t.subtotal} >= 0 and ${t.discountTotal} >= 0 and ${t.total} >= 0`),
    check('invoices_total_is_subtotal_less_discounts', sql`${t.total} = ${t.subtotal} - ${t.discountTotal}`),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    ...tenantColumns(),
    invoiceId: uuid('invoice_id').notNull(),
    subscriptionId: uuid('subscription_id'),
    description: text('description').notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    /** Quantity as a fraction, e.g. 2 of 4 session dates of a month. */
    quantityNumerator: integer('quantity_numerator').notNull().default(1),
    quantityDenominator: integer('quantity_denominator').notNull().default(1),
    unitAmount: integer('unit_amount').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.invoiceId], foreignColumns: [invoices.organizationId, invoices.id] }),
    foreignKey({
      columns: [t.organizationId, t.subscriptionId],
      foreignColumns: [subscriptions.organizationId, subscriptions.id],
    }),
    index('invoice_lines_invoice_idx').on(t.organizationId, t.invoiceId),
    check('invoice_lines_amounts_not_negative', sql`${t.unitAmount} >= 0 and ${t.amount} >= 0`),
    check('invoice_lines_quantity_valid', sql`${t.quantityNumerator} >= 0 and ${t.quantityDenominator} > 0`),
  ],
);

export const discountKind = pgEnum('discount_kind', discountKinds);

export const invoiceDiscounts = pgTable(
  'invoice_discounts',
  {
    ...tenantColumns(),
    invoiceId: uuid('invoice_id').notNull(),
    kind: discountKind('kind').notNull(),
    /** 1500 = 15.00 %; set only for percent discounts. */
    basisPoints: integer('basis_points'),
    /** The discount in minor units, as computed when applied. */
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.invoiceId], foreignColumns: [invoices.organizationId, invoices.id] }),
    index('invoice_discounts_invoice_idx').on(t.organizationId, t.invoiceId),
    check('invoice_discounts_amount_not_negative', sql`${t.amount} >= 0`),
    check(
      'invoice_discounts_percent_valid',
      sql`(${t.kind} = 'percent') = (${t.basisPoints} is not null) and coalesce(${t.basisPoints} between 0 and 10000, true)`,
    ),
    check('invoice_discounts_reason_not_blank', sql`length(trim(${t.reason})) > 0`),
  ],
);

export const paymentMethod = pgEnum('payment_method', paymentMethods);

export const payments = pgTable(
  'payments',
  {
    ...tenantColumns(),
    invoiceId: uuid('invoice_id').notNull(),
    familyId: uuid('family_id').notNull(),
    amount: integer('amount').notNull(),
    method: paymentMethod('method').notNull(),
    reference: text('reference'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.invoiceId], foreignColumns: [invoices.organizationId, invoices.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    index('payments_invoice_idx').on(t.organizationId, t.invoiceId),
    index('payments_family_idx').on(t.organizationId, t.familyId),
    check('payments_amount_positive', sql`${t.amount} > 0`),
  ],
);

/** The part of an invoice the business chose not to collect, and why. */
export const writeOffs = pgTable(
  'write_offs',
  {
    ...tenantColumns(),
    invoiceId: uuid('invoice_id').notNull(),
    familyId: uuid('family_id').notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    writtenOffAt: timestamp('written_off_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.invoiceId], foreignColumns: [invoices.organizationId, invoices.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    index('write_offs_family_idx').on(t.organizationId, t.familyId),
    index('write_offs_invoice_idx').on(t.organizationId, t.invoiceId),
    check('write_offs_amount_positive', sql`${t.amount} > 0`),
    check('write_offs_reason_not_blank', sql`length(trim(${t.reason})) > 0`),
  ],
);

/** Money given back on a payment, all or part, by a manager; the invoice is due again for it. */
export const refunds = pgTable(
  'refunds',
  {
    ...tenantColumns(),
    invoiceId: uuid('invoice_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    familyId: uuid('family_id').notNull(),
    amount: integer('amount').notNull(),
    method: paymentMethod('method').notNull(),
    reason: text('reason').notNull(),
    actorUserId: text('actor_user_id'),
    refundedAt: timestamp('refunded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.invoiceId], foreignColumns: [invoices.organizationId, invoices.id] }),
    foreignKey({ columns: [t.organizationId, t.paymentId], foreignColumns: [payments.organizationId, payments.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    index('refunds_invoice_idx').on(t.organizationId, t.invoiceId),
    index('refunds_payment_idx').on(t.organizationId, t.paymentId),
    check('refunds_amount_positive', sql`${t.amount} > 0`),
    check('refunds_reason_not_blank', sql`length(trim(${t.reason})) > 0`),
  ],
);

/**
 * A family's account credit (DESIGN.md "Account credit"): money the family holds with the
 * business, not yet on any invoice. A positive amount adds credit (e.g. checkout's suggested
 * credit for unused paid sessions); a negative one applies it to `invoiceId`, or, without an
 * invoice, takes it back (the transfer that gave it was undone). What a family
 * holds is the sum; an invoice's credited amount is the sum of what was applied to it.
 */
export const accountCreditEntries = pgTable(
  'account_credit_entries',
  {
    ...tenantColumns(),
    familyId: uuid('family_id').notNull(),
    invoiceId: uuid('invoice_id'),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    actorUserId: text('actor_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    foreignKey({ columns: [t.organizationId, t.invoiceId], foreignColumns: [invoices.organizationId, invoices.id] }),
    index('account_credit_entries_family_idx').on(t.organizationId, t.familyId),
    index('account_credit_entries_invoice_idx').on(t.organizationId, t.invoiceId),
    check('account_credit_entries_amount_not_zero', sql`${t.amount} <> 0`),
    // Credit applied to an invoice names it; a negative entry without one takes credit back (an undone transfer).
    check('account_credit_entries_added_has_no_invoice', sql`${t.amount} < 0 or ${t.invoiceId} is null`),
  ],
);

export const ledgerEntryKind = pgEnum('ledger_entry_kind', ledgerEntryKinds);

/**
 * The family ledger (DESIGN.md "Family ledger"): every change to what a family owes, written in
 * the transaction that makes it, never edited. `amount` is signed: what the family owes goes up
 * (a charge, a refund, a reopened invoice) or down (a discount, a payment, a write-off, a void,
 * account credit). The balance is the sum; a statement lists them with a running balance.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    ...tenantColumns(),
    familyId: uuid('family_id').notNull(),
    invoiceId: uuid('invoice_id'),
    kind: ledgerEntryKind('kind').notNull(),
    amount: integer('amount').notNull(),
    description: text('description').notNull(),
    actorUserId: text('actor_user_id'),
    /** The organization's local date it happened on, for statements by date range. */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    /** The order entries were written in (several share a transaction's time): a statement's order. */
    sequence: bigint('sequence', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    foreignKey({ columns: [t.organizationId, t.invoiceId], foreignColumns: [invoices.organizationId, invoices.id] }),
    index('ledger_entries_family_idx').on(t.organizationId, t.familyId, t.occurredOn, t.sequence),
  ],
);

/** One day's invoice run of an organization: when it ran and what it issued (the run itself is idempotent). */
export const invoiceRuns = pgTable(
  'invoice_runs',
  {
    ...tenantColumns(),
    runOn: date('run_on', { mode: 'string' }).notNull(),
    issued: integer('issued').notNull().default(0),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), index('invoice_runs_day_idx').on(t.organizationId, t.runOn)],
);
