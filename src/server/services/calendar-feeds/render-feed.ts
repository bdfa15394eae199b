import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { FeedEvent, FeedWindow } from '../../../domain/calendar-feeds/feed-events.js';
import { vtimezone } from '../../../domain/calendar-feeds/vtimezone.js';

/**
 * A feed as an iCalendar file: every event at its local time with the organization's zone
 * (TZID) and that zone's VTIMEZONE, so calendar apps keep a 16:00 class at 16:00 across
 * daylight-saving changes. Calendar apps poll it; the refresh interval asks for hourly.
 */
export function renderFeed(o: { name: string; timeZone: string; window: FeedWindow; events: readonly FeedEvent[]; generatedAt: Temporal.Instant }): string {
  const { timeZone, window } = o;
  // The zone's changes over the whole window (and a day either side for events that end after midnight).
  const from = window.from.subtract({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();
  const to = window.to.add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();
  const calendar = ical({
    name: o.name,
    prodId: { company: 'Session Transfers', product: 'Calendar feed', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
    timezone: { name: timeZone, generator: (zone) => (zone === timeZone ? vtimezone({ timeZone, from, to }) : null) },
  });
  const stamp = new Date(o.generatedAt.epochMilliseconds);
  for (const event of o.events) {
    calendar.createEvent({
      id: event.uid,
      stamp,
      start: event.startsAt,
      end: event.endsAt,
      timezone: timeZone,
      summary: event.summary,
      location: event.location,
      description: event.description,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
