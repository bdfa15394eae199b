import { discountKinds, invoiceStatuses, paymentMethods } from '../../domain/billing/value-sets.js';
import { sql } from 'drizzle-orm';
import {
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
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    foreignKey({
      columns: [t.organizationId, t.subscriptionId],
      foreignColumns: [subscriptions.organizationId, subscriptions.id],
    }),
    index('invoices_family_idx').on(t.organizationId, t.familyId),
    index('invoices_subscription_idx').on(t.organizationId, t.subscriptionId),
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
