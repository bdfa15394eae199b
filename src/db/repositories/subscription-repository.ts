import { and, asc, eq, gt, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Database } from '../client.js';
import { clients, families, subscriptions } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

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
          inArray(subscriptions.sessionId, [...sessionIds]),
          eq(subscriptions.status, 'active'),
          range.to === null ? undefined : lt(subscriptions.startsOn, range.to),
          or(isNull(subscriptions.endsOn), gt(subscriptions.endsOn, range.from)),
        ),
      );
  },

  async listForClient(db: Database, organizationId: string, clientId: string) {
    return db
      .select()
      .from(subscriptions)
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
          or(isNull(subscriptions.endsOn), gt(subscriptions.endsOn, date)),
        ),
      )
      .orderBy(asc(clients.lastName), asc(clients.firstName));
  },
};
