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
  smallint,
  text,
  time,
  uuid,
} from 'drizzle-orm/pg-core';
import { instructors, locations, paymentPlan, services } from './catalog.js';
import { tenantColumns } from './columns.js';
import { organizations } from './organizations.js';

/** A recurring series of a service; its dates are derived, only exceptions are stored. */
export const sessions = pgTable(
  'sessions',
  {
    ...tenantColumns(),
    serviceId: uuid('service_id').notNull(),
    name: text('name').notNull(),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    weekdays: smallint('weekdays').array().notNull(),
    startTime: time('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Exclusive, like a subscription's end; null = open-ended. */
    endsOn: date('ends_on', { mode: 'string' }),
    capacity: integer('capacity').notNull(),
    instructorId: uuid('instructor_id').notNull(),
    locationId: uuid('location_id').notNull(),
    paymentPlan: paymentPlan('payment_plan').notNull(),
    price: integer('price').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.serviceId], foreignColumns: [services.organizationId, services.id] }),
    foreignKey({
      columns: [t.organizationId, t.instructorId],
      foreignColumns: [instructors.organizationId, instructors.id],
    }),
    foreignKey({ columns: [t.organizationId, t.locationId], foreignColumns: [locations.organizationId, locations.id] }),
    index('sessions_service_idx').on(t.organizationId, t.serviceId),
    // The sessions running in a window: past terms and retired classes are skipped by their end.
    index('sessions_running_idx').on(t.organizationId, sql`coalesce(${t.endsOn}, 'infinity'::date)`, t.startsOn),
    check('sessions_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('sessions_capacity_not_negative', sql`${t.capacity} >= 0`),
    check('sessions_price_not_negative', sql`${t.price} >= 0`),
    check('sessions_duration_positive', sql`${t.durationMinutes} > 0 and ${t.durationMinutes} <= 1440`),
    check('sessions_ends_after_start', sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`),
    check(
      'sessions_weekdays_valid',
      sql`cardinality(${t.weekdays}) between 1 and 7 and ${t.weekdays} <@ array[1,2,3,4,5,6,7]::smallint[]`,
    ),
  ],
);

export const sessionDateExceptionKind = pgEnum('session_date_exception_kind', ['cancelled', 'moved']);

/** A cancelled or moved occurrence; keyed by the recurrence date it replaces. */
export const sessionDateExceptions = pgTable(
  'session_date_exceptions',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    sessionId: uuid('session_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: sessionDateExceptionKind('kind').notNull(),
    toDate: date('to_date', { mode: 'string' }),
    toStartTime: time('to_start_time'),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.sessionId, t.date] }),
    foreignKey({ columns: [t.organizationId, t.sessionId], foreignColumns: [sessions.organizationId, sessions.id] }),
    // Dates moved into a window from outside it (the primary key finds those moved within it).
    index('session_date_exceptions_moved_idx').on(t.organizationId, t.sessionId, t.toDate).where(sql`${t.kind} = 'moved'`),
    // A window's exceptions across all sessions (the main schedule): by date, and moves by their new date.
    index('session_date_exceptions_date_idx').on(t.organizationId, t.date),
    index('session_date_exceptions_moved_to_idx').on(t.organizationId, t.toDate).where(sql`${t.kind} = 'moved'`),
    check(
      'session_date_exceptions_moved_has_date',
      sql`(${t.kind} = 'moved') = (${t.toDate} is not null)`,
    ),
  ],
);
