import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { messageKinds, messageStatuses, messageTopics, recipientKinds } from '../../domain/notifications/message-facts.js';
import { tenantColumns } from './columns.js';
import { families } from './families.js';

export const messageKind = pgEnum('message_kind', messageKinds);
export const messageTopic = pgEnum('message_topic', messageTopics);
export const messageStatus = pgEnum('message_status', messageStatuses);
export const recipientKind = pgEnum('message_recipient_kind', recipientKinds);

/**
 * The outbox (DESIGN.md "Notifications"): one row per email to one recipient, written in the
 * same transaction as the change it tells about, sent later by the queue's worker. The row
 * keeps the text as it was written, so staff read exactly what the family received.
 */
export const messages = pgTable(
  'messages',
  {
    ...tenantColumns(),
    kind: messageKind('kind').notNull(),
    topic: messageTopic('topic').notNull(),
    /** What the message is about (a transfer, a subscription, an invoice, a payment, a refund, a login). */
    aboutType: text('about_type').notNull(),
    aboutId: text('about_id').notNull(),
    /** The family whose page lists it; null for a message to an instructor or a staff login about no family. */
    familyId: uuid('family_id'),
    recipientKind: recipientKind('recipient_kind').notNull(),
    /** The guardian's or instructor's id, or the staff login's user id. */
    recipientId: text('recipient_id').notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientEmail: text('recipient_email'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    status: messageStatus('status').notNull().default('pending'),
    /** Why a message was not sent (turned off by the guardian or the organization, no email address, the mail server refused it). */
    statusNote: text('status_note'),
    /** The Message-ID header, fixed when written: a resend after a crash is the same message to the mail server and the reader. */
    messageId: text('message_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the sender may next try: now when written, later after a failure (backoff). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A sender holds a message until this time; a sender that crashed lets it go when it passes. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Written once per key (a due reminder per invoice, due date and recipient), so a rerun tells nobody twice. */
    onceKey: text('once_key'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    uniqueIndex('messages_message_id_unique').on(t.messageId),
    uniqueIndex('messages_once_key_unique').on(t.organizationId, t.onceKey).where(sql`${t.onceKey} is not null`),
    // The sender's queue across organizations: what is waiting, oldest due first.
    index('messages_waiting_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index('messages_family_idx').on(t.organizationId, t.familyId, t.createdAt),
    index('messages_organization_idx').on(t.organizationId, t.createdAt),
    index('messages_about_idx').on(t.organizationId, t.aboutType, t.aboutId),
    check('messages_attempts_not_negative', sql`${t.attempts} >= 0`),
  ],
);

/** Every try at sending a message and what the mail server answered. */
export const messageAttempts = pgTable(
  'message_attempts',
  {
    ...tenantColumns(),
    messageId: uuid('message_id').notNull(),
    outcome: text('outcome').notNull(),
    /** The mail server's answer, or the error. */
    detail: text('detail').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.messageId], foreignColumns: [messages.organizationId, messages.id] }),
    index('message_attempts_message_idx').on(t.organizationId, t.messageId, t.createdAt),
    check('message_attempts_outcome', sql`${t.outcome} in ('sent', 'retry', 'failed')`),
  ],
);
