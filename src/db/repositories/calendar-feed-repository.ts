import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { calendarFeeds, clients, locations, organizations, sessions, subscriptions } from '../schema/index.js';
import { scheduledSessionColumns } from './session-repository.js';
import { endsAfter } from './window.js';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

/** Whose feed: a family's or an instructor's (never both, by the table's check). */
export type CalendarFeedOwner = { familyId: string } | { instructorId: string };

const ownedBy = (owner: CalendarFeedOwner) =>
  'familyId' in owner ? eq(calendarFeeds.familyId, owner.familyId) : eq(calendarFeeds.instructorId, owner.instructorId);

export const calendarFeedRepository = {
  /** The owner's live feed (at most one, by a unique index), or undefined. */
  async findLive(db: Database, organizationId: string, owner: CalendarFeedOwner) {
    const [row] = await db
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.organizationId, organizationId), ownedBy(owner), isNull(calendarFeeds.revokedAt)));
    return row;
  },

  /**
   * The live feed a token opens, with its organization: the token is the only key, so this is
   * the one query not scoped by an organization the caller already knows.
   */
  async findLiveByToken(db: Database, token: string) {
    const [row] = await db
      .select({ feed: calendarFeeds, organization: organizations })
      .from(calendarFeeds)
      .innerJoin(organizations, eq(organizations.id, calendarFeeds.organizationId))
      .where(and(eq(calendarFeeds.token, token), isNull(calendarFeeds.revokedAt)));
    return row;
  },

  /** Revokes the owner's live feed, if any; its URL answers 404 from now on. Returns the revoked row. */
  async revokeLive(db: Database, organizationId: string, owner: CalendarFeedOwner) {
    faultPoint('calendar_feeds.revoke');
    const [row] = await db
      .update(calendarFeeds)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(calendarFeeds.organizationId, organizationId), ownedBy(owner), isNull(calendarFeeds.revokedAt)))
      .returning();
    return row;
  },

  async insert(db: Database, organizationId: string, owner: CalendarFeedOwner, token: string) {
    faultPoint('calendar_feeds.insert');
    const [row] = await db
      .insert(calendarFeeds)
      .values({ organizationId, token, ...owner })
      .returning();
    return row!;
  },

  /**
   * The family's children's enrollments with a date in [from, to), each with the child's name
   * and the session's schedule columns and location: what the family's feed shows. Void
   * enrollments never happened, so they are left out.
   */
  async familyEnrollmentsIn(db: Database, organizationId: string, familyId: string, range: { from: string; to: string }) {
    return db
      .select({
        clientId: clients.id,
        firstName: clients.firstName,
        lastName: clients.lastName,
        startsOn: subscriptions.startsOn,
        endsOn: subscriptions.endsOn,
        session: scheduledSessionColumns,
        locationName: locations.name,
      })
      .from(subscriptions)
      .innerJoin(clients, and(eq(clients.organizationId, subscriptions.organizationId), eq(clients.id, subscriptions.clientId)))
      .innerJoin(sessions, and(eq(sessions.organizationId, subscriptions.organizationId), eq(sessions.id, subscriptions.sessionId)))
      .innerJoin(locations, and(eq(locations.organizationId, sessions.organizationId), eq(locations.id, sessions.locationId)))
      .where(
        and(
          eq(subscriptions.organizationId, organizationId),
          eq(clients.familyId, familyId),
          eq(subscriptions.status, 'active'),
          lt(subscriptions.startsOn, range.to),
          endsAfter(subscriptions.endsOn, range.from),
        ),
      )
      .orderBy(asc(clients.firstName), asc(subscriptions.startsOn));
  },
};
