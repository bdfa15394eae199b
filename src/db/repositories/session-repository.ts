import { and, asc, eq, gt, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import { sessionDateExceptions, sessions } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type SessionRow = typeof sessions.$inferSelect;
export type SessionDateExceptionRow = typeof sessionDateExceptions.$inferSelect;

export const sessionRepository = {
  ...tenantTable(sessions, { orderBy: [sessions.name] }),

  /** Sessions that may have a date in [from, to), with optional equality filters. */
  async listRunningBetween(db: Database, organizationId: string, range: { from: string; to: string }, filter?: SQL) {
    return db
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.organizationId, organizationId),
          lt(sessions.startsOn, range.to),
          or(isNull(sessions.endsOn), gt(sessions.endsOn, range.from)),
          filter,
        ),
      )
      .orderBy(asc(sessions.startTime), asc(sessions.name));
  },

  async exceptionsFor(db: Database, organizationId: string, sessionIds: readonly string[]) {
    if (sessionIds.length === 0) return [];
    return db
      .select()
      .from(sessionDateExceptions)
      .where(
        and(
          eq(sessionDateExceptions.organizationId, organizationId),
          inArray(sessionDateExceptions.sessionId, [...sessionIds]),
        ),
      );
  },

  async upsertException(db: Database, values: typeof sessionDateExceptions.$inferInsert) {
    const [row] = await db
      .insert(sessionDateExceptions)
      .values(values)
      .onConflictDoUpdate({
        target: [sessionDateExceptions.organizationId, sessionDateExceptions.sessionId, sessionDateExceptions.date],
        set: { kind: values.kind, toDate: values.toDate ?? null, toStartTime: values.toStartTime ?? null, reason: values.reason ?? null },
      })
      .returning();
    return row!;
  },
};
