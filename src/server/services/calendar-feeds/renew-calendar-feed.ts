import { randomBytes } from 'node:crypto';
import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { calendarFeedRepository } from '../../../db/repositories/calendar-feed-repository.js';
import type { CalendarFeedDto } from '../../../contracts/calendar-feeds.js';
import { assertOwnerExists, toCalendarFeedDto, type CalendarFeedOwner, type FeedActor } from './calendar-feed-owner.js';

/** 32 random bytes, URL-safe: the address is the only key to the feed, so it must not be guessable. */
const newToken = () => randomBytes(32).toString('base64url');

/**
 * Makes the owner a feed address; a feed already on is turned off in the same transaction, so
 * its old address answers 404 from now on (a link shared too widely is replaced this way).
 */
export async function renewCalendarFeed(db: Database, organization: { id: string }, actor: FeedActor, owner: CalendarFeedOwner): Promise<CalendarFeedDto> {
  return db.transaction(async (tx) => {
    await assertOwnerExists(tx, organization.id, owner);
    const revoked = await calendarFeedRepository.revokeLive(tx, organization.id, owner);
    const feed = await calendarFeedRepository.insert(tx, organization.id, owner, newToken());
    // The token is a secret: the history records whose feed changed, never its address.
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: revoked ? 'calendar_feed.regenerated' : 'calendar_feed.created',
      entityType: 'calendar_feed',
      entityId: feed.id,
      before: revoked ? { id: revoked.id } : null,
      after: { id: feed.id, ...owner },
    });
    return toCalendarFeedDto(feed);
  });
}
