import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instructors } from './catalog.js';
import { tenantColumns } from './columns.js';
import { families, guardians } from './families.js';
import { sessions } from './sessions.js';
import { subscriptions, transfers } from './subscriptions.js';

/**
 * A private calendar feed (DESIGN.md "The family portal"): the token in its URL is the only key,
 * so revoking sets revokedAt and regenerating writes a new row. At most one live feed per family
 * and per instructor.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    ...tenantColumns(),
    /** Random, URL-safe, at least 32 bytes of entropy; the feed's URL is /api/calendar/<token>.ics. */
    token: text('token').notNull(),
    familyId: uuid('family_id'),
    instructorId: uuid('instructor_id'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    foreignKey({ columns: [t.organizationId, t.instructorId], foreignColumns: [instructors.organizationId, instructors.id] }),
    uniqueIndex('calendar_feeds_token_unique').on(t.token),
    uniqueIndex('calendar_feeds_live_family').on(t.organizationId, t.familyId).where(sql`${t.revokedAt} is null and ${t.familyId} is not null`),
    uniqueIndex('calendar_feeds_live_instructor')
      .on(t.organizationId, t.instructorId)
      .where(sql`${t.revokedAt} is null and ${t.instructorId} is not null`),
    check('calendar_feeds_one_owner', sql`(${t.familyId} is null) <> (${t.instructorId} is null)`),
  ],
);

/**
 * pending: waiting for staff; approved: a transfer was made from it (by staff or the
 * organization's rules); declined: staff said no, with a reason; withdrawn: the guardian took
 * it back; refused: the enrollment changed meanwhile, so it can no longer be approved.
 */
export const transferRequestStatuses = ['pending', 'approved', 'declined', 'withdrawn', 'refused'] as const;
export const transferRequestStatus = pgEnum('transfer_request_status', transferRequestStatuses);

/** A guardian's request to move a child's enrollment to another session from a first date. */
export const transferRequests = pgTable(
  'transfer_requests',
  {
    ...tenantColumns(),
    familyId: uuid('family_id').notNull(),
    /** The guardian who asked. */
    guardianId: uuid('guardian_id').notNull(),
    /** The child's enrollment to move, as it was when asked. */
    subscriptionId: uuid('subscription_id').notNull(),
    targetSessionId: uuid('target_session_id').notNull(),
    firstSessionDate: date('first_session_date', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    status: transferRequestStatus('status').notNull().default('pending'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The staff login that decided; null when the organization's rules approved it or the guardian withdrew. */
    decidedByUserId: text('decided_by_user_id'),
    /** Why staff declined, or why it was refused; shown to the guardian. */
    decisionReason: text('decision_reason'),
    /** The transfer that approved it. */
    transferId: uuid('transfer_id'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    foreignKey({ columns: [t.organizationId, t.guardianId], foreignColumns: [guardians.organizationId, guardians.id] }),
    foreignKey({ columns: [t.organizationId, t.subscriptionId], foreignColumns: [subscriptions.organizationId, subscriptions.id] }),
    foreignKey({ columns: [t.organizationId, t.targetSessionId], foreignColumns: [sessions.organizationId, sessions.id] }),
    foreignKey({ columns: [t.organizationId, t.transferId], foreignColumns: [transfers.organizationId, transfers.id] }),
    // One open request per enrollment: a second one while the first waits is refused by the database.
    uniqueIndex('transfer_requests_one_pending_per_enrollment')
      .on(t.organizationId, t.subscriptionId)
      .where(sql`${t.status} = 'pending'`),
    index('transfer_requests_queue_idx').on(t.organizationId, t.status, t.createdAt),
    index('transfer_requests_family_idx').on(t.organizationId, t.familyId, t.createdAt),
    check('transfer_requests_note_length', sql`length(${t.note}) <= 1000`),
    check('transfer_requests_approved_has_transfer', sql`(${t.status} = 'approved') = (${t.transferId} is not null)`),
  ],
);
