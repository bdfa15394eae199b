import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { anyOf } from './window.js';
import { messageAttempts, messages, organizations } from '../schema/index.js';

export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type MessageAttemptRow = typeof messageAttempts.$inferSelect;

/** What the outbox lists can be narrowed to. */
export interface MessageCriteria {
  familyId?: string | undefined;
  status?: MessageRow['status'] | undefined;
  aboutId?: string | undefined;
}

export const messageRepository = {
  /**
   * Call inside the transaction of the change the messages tell about. A message with a once
   * key already written (a reminder sent by an earlier run) is skipped.
   */
  async insertMany(db: Database, rows: readonly NewMessage[]) {
    if (rows.length === 0) return [];
    faultPoint('messages.insert');
    return db
      .insert(messages)
      .values([...rows])
      .onConflictDoNothing({ target: [messages.organizationId, messages.onceKey], where: sql`${messages.onceKey} is not null` })
      .returning({ id: messages.id });
  },

  async findById(db: Database, organizationId: string, id: string) {
    const [row] = await db
      .select()
      .from(messages)
      .where(and(eq(messages.organizationId, organizationId), eq(messages.id, id)));
    return row;
  },

  /** An unsubscribe link names only the message: its random id is the proof the reader received it. */
  async findForUnsubscribe(db: Database, id: string) {
    const [row] = await db
      .select({ message: messages, organizationName: organizations.name })
      .from(messages)
      .innerJoin(organizations, eq(organizations.id, messages.organizationId))
      .where(eq(messages.id, id));
    return row;
  },

  /** Newest first. */
  async list(db: Database, organizationId: string, criteria: MessageCriteria, page: { limit: number; offset: number }) {
    const where = and(eq(messages.organizationId, organizationId), ...criteriaOf(criteria));
    const [items, [counted]] = await Promise.all([
      db.select().from(messages).where(where).orderBy(desc(messages.createdAt), desc(messages.id)).limit(page.limit).offset(page.offset),
      db.select({ total: sql<number>`count(*)::int` }).from(messages).where(where),
    ]);
    return { items, total: counted?.total ?? 0, ...page };
  },

  async attemptsOf(db: Database, organizationId: string, messageId: string) {
    return db
      .select()
      .from(messageAttempts)
      .where(and(eq(messageAttempts.organizationId, organizationId), eq(messageAttempts.messageId, messageId)))
      .orderBy(messageAttempts.createdAt);
  },

  /**
   * Takes up to `limit` messages whose time has come, across organizations, for one sender:
   * waiting ones, and ones a sender took and did not finish within its hold (it crashed). SKIP
   * LOCKED lets several servers take different messages at once; the hold keeps them apart after.
   */
  async claimWaiting(
    db: Database,
    o: { limit: number; holdSeconds: number; /** Only these organizations' (tests sharing one database). */ organizationIds?: readonly string[] },
  ): Promise<MessageRow[]> {
    faultPoint('messages.claim');
    const only = o.organizationIds ? sql`and ${anyOf(messages.organizationId, o.organizationIds)}` : sql``;
    // Both drivers (node-postgres, PGlite) answer execute() with { rows }.
    const result = (await db.execute(sql`
      update ${messages} set status = 'sending', attempts = attempts + 1,
        claimed_until = now() + make_interval(secs => ${o.holdSeconds})
      where (organization_id, id) in (
        select organization_id, id from ${messages}
        where ((status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and claimed_until < now())) ${only}
        order by next_attempt_at
        limit ${o.limit}
        for update skip locked
      )
      returning id`)) as unknown as { rows: { id: string }[] };
    const ids = result.rows.map((r) => r.id);
    if (ids.length === 0) return [];
    return db.select().from(messages).where(inArray(messages.id, ids)).orderBy(messages.nextAttemptAt);
  },

  /** The outcome of one try, with the attempt that produced it, in one transaction. */
  async recordAttempt(
    db: Database,
    message: Pick<MessageRow, 'organizationId' | 'id'>,
    outcome: { kind: 'sent' } | { kind: 'retry'; retryInSeconds: number } | { kind: 'failed' },
    detail: string,
  ) {
    faultPoint('messages.record_attempt');
    const scope = and(eq(messages.organizationId, message.organizationId), eq(messages.id, message.id));
    const changes =
      outcome.kind === 'sent'
        ? { status: 'sent' as const, sentAt: sql`now()`, claimedUntil: null, statusNote: null }
        : outcome.kind === 'retry'
          ? { status: 'pending' as const, nextAttemptAt: sql`now() + make_interval(secs => ${outcome.retryInSeconds})`, claimedUntil: null }
          : { status: 'failed' as const, claimedUntil: null, statusNote: detail };
    await db.update(messages).set(changes).where(scope);
    await db.insert(messageAttempts).values({ organizationId: message.organizationId, messageId: message.id, outcome: outcome.kind, detail });
  },

  /** A manager's retry of a failed message: it waits again, to be sent at once. */
  async sendAgain(db: Database, organizationId: string, id: string) {
    faultPoint('messages.update');
    const [row] = await db
      .update(messages)
      .set({ status: 'pending', nextAttemptAt: sql`now()`, statusNote: null })
      .where(and(eq(messages.organizationId, organizationId), eq(messages.id, id), eq(messages.status, 'failed')))
      .returning();
    return row;
  },

  /** Messages not yet sent that a turned-off kind now withholds (an unsubscribe applies to what is still waiting). */
  async withholdWaiting(db: Database, o: { organizationId: string; recipientId: string | null; kind: MessageRow['kind']; note: string }) {
    await db
      .update(messages)
      .set({ status: 'withheld', statusNote: o.note })
      .where(
        and(
          eq(messages.organizationId, o.organizationId),
          eq(messages.kind, o.kind),
          eq(messages.status, 'pending'),
          ...(o.recipientId ? [eq(messages.recipientId, o.recipientId)] : []),
        ),
      );
  },

  /** Every message of the organization still waiting is held back, with why (the demo's made-up past). */
  async withholdAllWaiting(db: Database, organizationId: string, note: string) {
    faultPoint('messages.update');
    await db
      .update(messages)
      .set({ status: 'withheld', statusNote: note })
      .where(and(eq(messages.organizationId, organizationId), eq(messages.status, 'pending')));
  },

  /** How many messages wait, for the health of the sender (a queue that only grows says SMTP is down). */
  async countWaitingOlderThan(db: Database, seconds: number) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(messages)
      .where(and(inArray(messages.status, ['pending', 'sending']), lt(messages.createdAt, sql`now() - make_interval(secs => ${seconds})`)));
    return row?.n ?? 0;
  },
};

function criteriaOf(c: MessageCriteria): SQL[] {
  return [
    ...(c.familyId ? [eq(messages.familyId, c.familyId)] : []),
    ...(c.status ? [eq(messages.status, c.status)] : []),
    ...(c.aboutId ? [eq(messages.aboutId, c.aboutId)] : []),
  ];
}
