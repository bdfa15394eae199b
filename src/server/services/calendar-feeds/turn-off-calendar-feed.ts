import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { calendarFeedRepository } from '../../../db/repositories/calendar-feed-repository.js';
import type { CalendarFeedDto } from '../../../contracts/calendar-feeds.js';
import { assertOwnerExists, type CalendarFeedOwner, type FeedActor } from './calendar-feed-owner.js';

/** Turns the owner's feed off: its address answers 404 from now on. Nothing to turn off is not an error. */
export async function turnOffCalendarFeed(db: Database, organization: { id: string }, actor: FeedActor, owner: CalendarFeedOwner): Promise<CalendarFeedDto> {
  return db.transaction(async (tx) => {
    await assertOwnerExists(tx, organization.id, owner);
    const revoked = await calendarFeedRepository.revokeLive(tx, organization.id, owner);
    if (revoked) {
      await auditRepository.record(tx, {
        organizationId: organization.id,
        actor,
        action: 'calendar_feed.turned_off',
        entityType: 'calendar_feed',
        entityId: revoked.id,
        before: { id: revoked.id, ...owner },
      });
    }
    return { feed: null };
  });
}
