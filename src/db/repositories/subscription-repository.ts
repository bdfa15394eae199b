import { and, asc, eq, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../client.js';
import { clients, families, instructors, locations, services, sessions, subscriptions } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';
import { runningSessions, type SessionFilter } from './session-repository.js';
import { anyOf, endsAfter } from './window.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;

/**
 * The domain's coverage rule (enrolledCountByDate: from startsOn inclusive to endsOn
 * exclusive) for one session and date, counted where the subscriptions are.
 */
const enrolledOn = (organizationId: string, sessionId: SQL | PgColumn, date: SQL) => sql`(
  select count(*) from ${subscriptions}
  where ${subscriptions.organizationId} = ${organizationId} and ${subscriptions.sessionId} = ${sessionId}
    and ${subscriptions.status} = 'active' and ${subscriptions.startsOn} <= ${date}
    and coalesce(${subscriptions.endsOn}, 'infinity'::date) > ${date}
)::int`;

async function countsByKey(db: Database, query: SQL): Promise<Map<string, number>> {
  // Both drivers (node-postgres, PGlite) answer execute() with { rows }.
  const result = (await db.execute(query)) as unknown as { rows: { session_id: string; date: string; enrolled: number }[] };
  return new Map(result.rows.map((row) => [`${row.session_id}:${row.date}`, Number(row.enrolled)]));
}

/** Where a batch of the invoice run ended: the last subscription's end (infinity when open) and id. */
export interface BillablePosition {
  runsUntil: string;
  id: string;
}

export const subscriptionRepository = {
  ...tenantTable(subscriptions, { orderBy: [subscriptions.startsOn] }),

  /** Active subscriptions of these sessions that cover some day in [from, to). */
  async activeForSessions(
    db: Database,
    organizationId: string,
    sessionIds: readonly string[],
    range: { from: string; to: string | null },
  ) {
    if (sessionIds.length === 0) return [];
    return db
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.organizationId, organizationId),
          anyOf(subscriptions.sessionId, sessionIds),
          eq(subscriptions.status, 'active'),
          range.to === null ? undefined : lt(subscriptions.startsOn, range.to),
          endsAfter(subscriptions.endsOn, range.from),
        ),
      );
  },

  /**
   * How many active subscriptions cover each (session, date): counted in the database from
   * the window index (only enrollments still running on the date are read), keyed
   * `${sessionId}:${date}`; every pair asked for has an entry.
   */
  async enrolledCounts(db: Database, organizationId: string, pairs: readonly { sessionId: string; date: string }[]) {
    if (pairs.length === 0) return new Map<string, number>();
    return countsByKey(
      db,
      sql`select p.session_id, p.date::text as date, ${enrolledOn(organizationId, sql`p.session_id`, sql`p.date`)} as enrolled
      from unnest(${sql.param(pairs.map((p) => p.sessionId))}::uuid[], ${sql.param(pairs.map((p) => p.date))}::date[]) as p(session_id, date)`,
    );
  },

  /**
   * As enrolledCounts, for every date in the range on which a running session's weekly
   * pattern falls (its weekdays, from its start to its end), without being told the dates:
   * so the main schedule can ask at the same time as it reads the sessions. The domain still
   * decides which dates exist; these are a superset of them except dates moved onto another
   * weekday, which the caller asks for with enrolledCounts. `filter` narrows the sessions.
   */
  async enrolledCountsOnPatternDates(db: Database, organizationId: string, range: { from: string; to: string }, filter?: SessionFilter) {
    return countsByKey(
      db,
      // The days as an integer series: PostgreSQL then knows how many there are (a date series
      // is estimated at 1,000 rows, which priced this query into JIT compilation: +8 ms).
      sql`select ${sessions.id} as session_id, d.date::text as date, ${enrolledOn(organizationId, sessions.id, sql`d.date`)} as enrolled
      from ${sessions}
      join (select ${range.from}::date + i as date from generate_series(0, ${range.to}::date - ${range.from}::date - 1) as i) as d
        on d.date >= ${sessions.startsOn} and d.date < coalesce(${sessions.endsOn}, 'infinity'::date)
          and extract(isodow from d.date)::smallint = any(${sessions.weekdays})
      where ${runningSessions(organizationId, range, filter)}`,
    );
  },

  async listForClient(db: Database, organizationId: string, clientId: string) {
    return db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.clientId, clientId)))
      .orderBy(asc(subscriptions.startsOn));
  },

  /**
   * A subscription with its session and its client's family, in one query; with `lock`, the
   * subscription's row (only) is locked until the transaction ends.
   */
  async findWithSessionAndFamily(db: Database, organizationId: string, id: string, o: { lock: boolean }) {
    const query = db
      .select({ subscription: subscriptions, session: sessions, familyId: clients.familyId })
      .from(subscriptions)
      .innerJoin(sessions, and(eq(sessions.organizationId, subscriptions.organizationId), eq(sessions.id, subscriptions.sessionId)))
      .innerJoin(clients, and(eq(clients.organizationId, subscriptions.organizationId), eq(clients.id, subscriptions.clientId)))
      .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.id, id)));
    const [row] = o.lock ? await query.for('update', { of: subscriptions }) : await query;
    return row;
  },

  /** The client's subscriptions with the names of their session and its service, by start. */
  async listForClientWithNames(db: Database, organizationId: string, clientId: string) {
    return db
      .select({ subscription: subscriptions, sessionName: sessions.name, serviceName: services.name })
      .from(subscriptions)
      .innerJoin(sessions, and(eq(sessions.organizationId, subscriptions.organizationId), eq(sessions.id, subscriptions.sessionId)))
      .innerJoin(services, and(eq(services.organizationId, sessions.organizationId), eq(services.id, sessions.serviceId)))
      .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.clientId, clientId)))
      .orderBy(asc(subscriptions.startsOn));
  },

  /**
   * A family's enrollments that still have dates after `after` (void ones left out), by start:
   * each with its child, its session and the names of the service, instructor and location.
   * With `subscriptionId`, that one only (and only if it is the family's).
   */
  async listRunningForFamilyWithDetails(db: Database, organizationId: string, o: { familyId: string; after: string; subscriptionId?: string }) {
    return db
      .select({
        subscription: subscriptions,
        client: { id: clients.id, firstName: clients.firstName, lastName: clients.lastName },
        session: sessions,
        serviceName: services.name,
        instructorName: instructors.name,
        locationName: locations.name,
      })
      .from(subscriptions)
      .innerJoin(clients, and(eq(clients.organizationId, subscriptions.organizationId), eq(clients.id, subscriptions.clientId)))
      .innerJoin(sessions, and(eq(sessions.organizationId, subscriptions.organizationId), eq(sessions.id, subscriptions.sessionId)))
      .innerJoin(services, and(eq(services.organizationId, sessions.organizationId), eq(services.id, sessions.serviceId)))
      .innerJoin(instructors, and(eq(instructors.organizationId, sessions.organizationId), eq(instructors.id, sessions.instructorId)))
      .innerJoin(locations, and(eq(locations.organizationId, sessions.organizationId), eq(locations.id, sessions.locationId)))
      .where(
        and(
          eq(subscriptions.organizationId, organizationId),
          eq(clients.familyId, o.familyId),
          eq(subscriptions.status, 'active'),
          endsAfter(subscriptions.endsOn, o.after),
          o.subscriptionId ? eq(subscriptions.id, o.subscriptionId) : undefined,
        ),
      )
      .orderBy(asc(subscriptions.startsOn), asc(sessions.name));
  },

  /** Who is enrolled on one session date, with the client and the family. */
  async rosterOn(db: Database, organizationId: string, sessionId: string, date: string) {
    return db
      .select({ subscription: subscriptions, client: clients, family: families })
      .from(subscriptions)
      .innerJoin(clients, and(eq(clients.organizationId, subscriptions.organizationId), eq(clients.id, subscriptions.clientId)))
      .innerJoin(families, and(eq(families.organizationId, clients.organizationId), eq(families.id, clients.familyId)))
      .where(
        and(
          eq(subscriptions.organizationId, organizationId),
          eq(subscriptions.sessionId, sessionId),
          eq(subscriptions.status, 'active'),
          lte(subscriptions.startsOn, date),
          endsAfter(subscriptions.endsOn, date),
        ),
      )
      .orderBy(asc(clients.lastName), asc(clients.firstName));
  },

  /**
   * A batch of the organization's active subscriptions that run during [from, to), each with
   * its session's schedule columns and name and the client's family: what the invoice run
   * bills. Paged by (end, id) after `after` (keyset), over the index of running subscriptions
   * (subscriptions_running_idx): a batch reads its own rows, never the years of ended ones.
   */
  async billableBatch(
    db: Database,
    organizationId: string,
    o: { after: BillablePosition | null; limit: number; from: string; to: string },
  ) {
    const runsUntil = sql<string>`coalesce(${subscriptions.endsOn}, 'infinity'::date)`;
    return db
      .select({
        subscription: subscriptions,
        session: {
          id: sessions.id,
          name: sessions.name,
          weekdays: sessions.weekdays,
          startTime: sessions.startTime,
          durationMinutes: sessions.durationMinutes,
          startsOn: sessions.startsOn,
          endsOn: sessions.endsOn,
          capacity: sessions.capacity,
          serviceId: sessions.serviceId,
          instructorId: sessions.instructorId,
          locationId: sessions.locationId,
        },
        familyId: clients.familyId,
        position: { runsUntil: sql<string>`${runsUntil}::text`, id: subscriptions.id },
      })
      .from(subscriptions)
      .innerJoin(sessions, and(eq(sessions.organizationId, subscriptions.organizationId), eq(sessions.id, subscriptions.sessionId)))
      .innerJoin(clients, and(eq(clients.organizationId, subscriptions.organizationId), eq(clients.id, subscriptions.clientId)))
      .where(
        and(
          eq(subscriptions.organizationId, organizationId),
          eq(subscriptions.status, 'active'),
          lt(subscriptions.startsOn, o.to),
          sql`${runsUntil} > ${o.from}::date`,
          // An open enrollment of a session that ended long ago runs no more: years of them in an
          // old organization, none of them billable.
          endsAfter(sessions.endsOn, o.from),
          lt(sessions.startsOn, o.to),
          o.after ? sql`(${runsUntil}, ${subscriptions.id}) > (${o.after.runsUntil}::date, ${o.after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(runsUntil, asc(subscriptions.id))
      .limit(o.limit);
  },

  /** "Maya Patel" by subscription id: whom each subscription's invoices bill for. */
  async clientNamesOf(db: Database, organizationId: string, subscriptionIds: readonly string[]): Promise<Map<string, string>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows = await db
      .select({ id: subscriptions.id, firstName: clients.firstName, lastName: clients.lastName })
      .from(subscriptions)
      .innerJoin(clients, and(eq(clients.organizationId, subscriptions.organizationId), eq(clients.id, subscriptions.clientId)))
      .where(and(eq(subscriptions.organizationId, organizationId), anyOf(subscriptions.id, subscriptionIds)));
    return new Map(rows.map((row) => [row.id, `${row.firstName} ${row.lastName}`]));
  },
};
