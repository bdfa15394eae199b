import type { Database } from '../../../db/client.js';
import { calendarFeedRepository } from '../../../db/repositories/calendar-feed-repository.js';
import type { CalendarFeedDto } from '../../../contracts/calendar-feeds.js';
import { assertOwnerExists, toCalendarFeedDto, type CalendarFeedOwner } from './calendar-feed-owner.js';

/** The owner's feed address while it is on; `feed: null` when there is none. */
export async function showCalendarFeed(db: Database, organization: { id: string }, owner: CalendarFeedOwner): Promise<CalendarFeedDto> {
  await assertOwnerExists(db, organization.id, owner);
  return toCalendarFeedDto(await calendarFeedRepository.findLive(db, organization.id, owner));
}
