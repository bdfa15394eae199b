import { and, asc, eq, gte, lt, or } from 'drizzle-orm';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { instructors, locations, services, sessionDateExceptions, sessions } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';
import { anyOf, endsAfter } from './window.js';

export type SessionRow = typeof sessions.$inferSelect;
export type SessionDateExceptionRow = typeof sessionDateExceptions.$inferSelect;

/** What placing a session's dates on a calendar needs, and no more (the schedule reads hundreds). */
export const scheduledSessionColumns = {
  id: sessions.id,
  name: sessions.name,
  serviceId: sessions.serviceId,
  instructorId: sessions.instructorId,
  locationId: sessions.locationId,
  capacity: sessions.capacity,
  weekdays: sessions.weekdays,
  startTime: sessions.startTime,
  durationMinutes: sessions.durationMinutes,
  startsOn: sessions.startsOn,
  endsOn: sessions.endsOn,
};
export type ScheduledSession = Pick<SessionRow, keyof typeof scheduledSessionColumns>;

/** Which sessions a schedule or list shows: those of one service, instructor or location (each optional). */
export interface SessionFilter {
  serviceId?: string | undefined;
  instructorId?: string | undefined;
  locationId?: string | undefined;
}

const sessionFilterColumns = { serviceId: sessions.serviceId, instructorId: sessions.instructorId, locationId: sessions.locationId };

/** The condition of a SessionFilter: equality on each criterion given. */
export const matchingSessions = (filter: SessionFilter = {}) =>
  and(
    ...(['serviceId', 'instructorId', 'locationId'] as const).map((key) =>
      filter[key] ? eq(sessionFilterColumns[key], filter[key]) : undefined,
    ),
  );

/** Sessions with a date in the range: started before its end, not ended before its start. */
export const runningIn = (range: { from: string; to: string }) => and(lt(sessions.startsOn, range.to), endsAfter(sessions.endsOn, range.from));

/** The organization's sessions with a date in the range, narrowed by the filter. */
export const runningSessions = (organizationId: string, range: { from: string; to: string }, filter?: SessionFilter) =>
  and(eq(sessions.organizationId, organizationId), runningIn(range), matchingSessions(filter));

/** Exceptions that can change which dates fall in a range: a date in it, or a move onto a date in it. */
const affectsRange = (range: { from: string; to: string }) =>
  or(
    and(gte(sessionDateExceptions.date, range.from), lt(sessionDateExceptions.date, range.to)),
    and(eq(sessionDateExceptions.kind, 'moved'), gte(sessionDateExceptions.toDate, range.from), lt(sessionDateExceptions.toDate, range.to)),
  );

export const sessionRepository = {
  ...tenantTable(sessions, { orderBy: [sessions.name], filterColumns: sessionFilterColumns, nameColumn: sessions.name }),

  /** Sessions that may have a date in [from, to), narrowed by the filter. */
  async listRunningBetween(db: Database, organizationId: string, range: { from: string; to: string }, filter?: SessionFilter) {
    return db
      .select()
      .from(sessions)
      .where(runningSessions(organizationId, range, filter))
      .orderBy(asc(sessions.startTime), asc(sessions.name));
  },

  /** As listRunningBetween, each with the names of its service, instructor and location (one query). */
  async listRunningBetweenWithNames(db: Database, organizationId: string, range: { from: string; to: string }, filter?: SessionFilter) {
    return db
      .select({ session: scheduledSessionColumns, serviceName: services.name, instructorName: instructors.name, locationName: locations.name })
      .from(sessions)
      .innerJoin(services, and(eq(services.organizationId, sessions.organizationId), eq(services.id, sessions.serviceId)))
      .innerJoin(instructors, and(eq(instructors.organizationId, sessions.organizationId), eq(instructors.id, sessions.instructorId)))
      .innerJoin(locations, and(eq(locations.organizationId, sessions.organizationId), eq(locations.id, sessions.locationId)))
      .where(runningSessions(organizationId, range, filter))
      .orderBy(asc(sessions.startTime), asc(sessions.name));
  },

  /**
   * The sessions' cancelled and moved dates; with a range, only those that can change which
   * dates fall in it (a date in the range, or a move onto a date in it), so a week's query
   * does not read years of past closures.
   */
  async exceptionsFor(db: Database, organizationId: string, sessionIds: readonly string[], range?: { from: string; to: string }) {
    if (sessionIds.length === 0) return [];
    return db
      .select()
      .from(sessionDateExceptions)
      .where(
        and(
          eq(sessionDateExceptions.organizationId, organizationId),
          anyOf(sessionDateExceptions.sessionId, sessionIds),
          range ? affectsRange(range) : undefined,
        ),
      );
  },

  /**
   * The exceptions that matter to a range (as exceptionsFor) for every session running in it:
   * what the main schedule needs, asked without waiting for the list of sessions.
   */
  async exceptionsOfSessionsRunningIn(db: Database, organizationId: string, range: { from: string; to: string }) {
    const rows = await db
      .select({ exception: sessionDateExceptions })
      .from(sessionDateExceptions)
      .innerJoin(sessions, and(eq(sessions.organizationId, sessionDateExceptions.organizationId), eq(sessions.id, sessionDateExceptions.sessionId)))
      .where(and(eq(sessionDateExceptions.organizationId, organizationId), runningIn(range), affectsRange(range)));
    return rows.map((row) => row.exception);
  },

  async upsertException(db: Database, values: typeof sessionDateExceptions.$inferInsert) {
    faultPoint('session_date_exceptions.upsert');
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
