import { and, asc, eq, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { clients, families, services, sessions, subscriptions } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';
import { anyOf, endsAfter } from './window.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;

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
    const counts = new Map<string, number>();
    if (pairs.length === 0) return counts;
    // Both drivers (node-postgres, PGlite) answer execute() with { rows }.
    const result = (await db.execute(sql`
      select p.session_id, p.date::text as date, (
        select count(*) from ${subscriptions}
        where ${subscriptions.organizationId} = ${organizationId} and ${subscriptions.sessionId} = p.session_id
          and ${subscriptions.status} = 'active' and ${subscriptions.startsOn} <= p.date
          and coalesce(${subscriptions.endsOn}, 'infinity'::date) > p.date
      )::int as enrolled
      from unnest(${sql.param(pairs.map((p) => p.sessionId))}::uuid[], ${sql.param(pairs.map((p) => p.date))}::date[]) as p(session_id, date)`)) as unknown as {
      rows: { session_id: string; date: string; enrolled: number }[];
    };
    for (const row of result.rows) counts.set(`${row.session_id}:${row.date}`, Number(row.enrolled));
    return counts;
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
};
