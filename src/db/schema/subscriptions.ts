import { checkoutFinishKinds } from '../../domain/billing/value-sets.js';
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { paymentPlan } from './catalog.js';
import { tenantColumns } from './columns.js';
import { clients } from './families.js';
import { organizations } from './organizations.js';
import { sessions } from './sessions.js';

/** `void` = undone (kept for history); whether it is ongoing or ended follows from its dates. */
export const subscriptionStatus = pgEnum('subscription_status', ['active', 'void']);

/** A client's enrollment in one session: startsOn inclusive, endsOn exclusive. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    ...tenantColumns(),
    clientId: uuid('client_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    status: subscriptionStatus('status').notNull().default('active'),
    paymentPlan: paymentPlan('payment_plan').notNull(),
    priceSnapshot: integer('price_snapshot').notNull(),
    capacityOverride: integer('capacity_override').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.clientId], foreignColumns: [clients.organizationId, clients.id] }),
    foreignKey({ columns: [t.organizationId, t.sessionId], foreignColumns: [sessions.organizationId, sessions.id] }),
    // Who is enrolled in a session over a window. An enrollment counts until its end, an open
    // end being infinity, so a range scan on that end reaches only the enrollments still running
    // at the window's start, however many years of ended ones the session has. starts_on and
    // ends_on ride along so counts are answered from the index alone.
    index('subscriptions_session_active_idx')
      .on(t.organizationId, t.sessionId, sql`coalesce(${t.endsOn}, 'infinity'::date)`, t.startsOn, t.endsOn)
      .where(sql`${t.status} = 'active'`),
    // The invoice run's batches: running subscriptions by (end, id), so paging reads only them.
    index('subscriptions_running_idx')
      .on(t.organizationId, sql`coalesce(${t.endsOn}, 'infinity'::date)`, t.id)
      .where(sql`${t.status} = 'active'`),
    index('subscriptions_client_idx').on(t.organizationId, t.clientId),
    check('subscriptions_ends_after_start', sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`),
    check('subscriptions_price_not_negative', sql`${t.priceSnapshot} >= 0`),
    check('subscriptions_capacity_override_flag', sql`${t.capacityOverride} in (0, 1)`),
  ],
);

export const checkoutChoice = pgEnum('checkout_choice', checkoutFinishKinds);
export const transferStatus = pgEnum('transfer_status', ['completed', 'undone']);

/** The record of moving a client; the old subscription is ended, never edited otherwise. */
export const transfers = pgTable(
  'transfers',
  {
    ...tenantColumns(),
    clientId: uuid('client_id').notNull(),
    fromSubscriptionId: uuid('from_subscription_id').notNull(),
    toSubscriptionId: uuid('to_subscription_id').notNull(),
    transferDate: date('transfer_date', { mode: 'string' }).notNull(),
    /** The old subscription's end the transfer set (exclusive): the first date the client no longer attends it. */
    oldEndsOn: date('old_ends_on', { mode: 'string' }).notNull(),
    /** The new subscription's first session date. */
    firstSessionDate: date('first_session_date', { mode: 'string' }).notNull(),
    /** The old subscription's end before the transfer, so undo restores it exactly. */
    previousEndsOn: date('previous_ends_on', { mode: 'string' }),
    reason: text('reason').notNull().default(''),
    actorUserId: text('actor_user_id'),
    checkout: checkoutChoice('checkout').notNull(),
    invoiceId: uuid('invoice_id'),
    /** Account credit the transfer gave the family (checkout's credit sent to the account); undo takes it back. */
    accountCredit: integer('account_credit').notNull().default(0),
    /** The old subscription's open invoices this transfer voided; undo reopens them. */
    voidedInvoiceIds: uuid('voided_invoice_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: transferStatus('status').notNull().default('completed'),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.clientId], foreignColumns: [clients.organizationId, clients.id] }),
    foreignKey({
      columns: [t.organizationId, t.fromSubscriptionId],
      foreignColumns: [subscriptions.organizationId, subscriptions.id],
    }),
    foreignKey({
      columns: [t.organizationId, t.toSubscriptionId],
      foreignColumns: [subscriptions.organizationId, subscriptions.id],
    }),
    index('transfers_client_idx').on(t.organizationId, t.clientId),
    // DESIGN.md "Chains of transfers": an enrollment is ended by at most one standing transfer,
    // so two racing transfers of the same enrollment cannot both complete.
    uniqueIndex('transfers_one_standing_per_enrollment')
      .on(t.organizationId, t.fromSubscriptionId)
      .where(sql`${t.status} = 'completed'`),
  ],
);

/** Attendance on a session date; its presence makes a transfer impossible to undo. */
export const attendance = pgTable(
  'attendance',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    subscriptionId: uuid('subscription_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    present: integer('present').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.subscriptionId, t.date] }),
    foreignKey({
      columns: [t.organizationId, t.subscriptionId],
      foreignColumns: [subscriptions.organizationId, subscriptions.id],
    }),
    check('attendance_present_flag', sql`${t.present} in (0, 1)`),
  ],
);
