import { Temporal } from 'temporal-polyfill';
import { listSessionDates, type SessionDate, type SessionSchedule } from '../schedule/session-dates.js';
import { coversDate, type SubscriptionPeriod } from '../subscriptions/coverage.js';
import { writeDate } from '../formatting/intl-formats.js';

/**
 * One event of a private calendar feed (DESIGN.md "The family portal"): a session date as a
 * calendar app shows it. Times stay zoned in the organization's zone, so a 16:00 class is
 * written as 16:00 local on both sides of a daylight-saving change.
 */
export interface FeedEvent {
  /** Stable across feed refreshes, so a calendar app updates an event instead of adding a twin. */
  uid: string;
  summary: string;
  location: string | null;
  description: string | null;
  startsAt: Temporal.ZonedDateTime;
  endsAt: Temporal.ZonedDateTime;
  /** A cancelled date stays in the feed as cancelled, so calendars that had it strike it out. */
  cancelled: boolean;
}

/** The dates a feed holds: from a few months back (recent history) to a year ahead, never unbounded. */
export interface FeedWindow {
  from: Temporal.PlainDate;
  to: Temporal.PlainDate;
}

export function feedWindow(o: { today: Temporal.PlainDate }): FeedWindow {
  return { from: o.today.subtract({ months: 3 }), to: o.today.add({ months: 12 }) };
}

/** A session as a feed names and places it. */
export interface FeedSession {
  id: string;
  name: string;
  locationName: string | null;
  schedule: SessionSchedule;
}

/** A child's enrollment: whose, in which session, over which dates (startsOn inclusive, endsOn exclusive). */
export interface FeedEnrollment {
  clientId: string;
  clientName: string;
  session: FeedSession;
  period: SubscriptionPeriod;
}

// The recurrence date a moved date came from identifies it: the event keeps its UID when moved,
// so calendars move it instead of showing the old and the new one.
const uidOf = (parts: readonly string[]) => `${parts.join('-')}@session-transfers`;

function datesOf(session: FeedSession, window: FeedWindow): SessionDate[] {
  return listSessionDates({ ...session.schedule, from: window.from, to: window.to, includeCancelled: true });
}

/**
 * A family's feed: every date of each child's enrollments in the window, "Maya Patel – Beginners
 * Tue". A date belongs to an enrollment when the enrollment covers the day it happens (a moved
 * date: its new day), the same rule as rosters and invoices.
 */
export function familyFeedEvents(o: { enrollments: readonly FeedEnrollment[]; window: FeedWindow; locale: string }): FeedEvent[] {
  const events = o.enrollments.flatMap(({ clientId, clientName, session, period }) =>
    datesOf(session, o.window)
      .filter((sessionDate) => coversDate({ period, date: sessionDate.date }))
      .map((sessionDate) =>
        eventOf(sessionDate, o.locale, {
          uid: uidOf([session.id, sessionDate.originalDate.toString(), clientId]),
          summary: `${clientName} – ${session.name}`,
          location: session.locationName,
          description: null,
        }),
      ),
  );
  return inOrder(events);
}

/** An instructor's feed: one event per date of each session they teach, with how many are enrolled. */
export function instructorFeedEvents(o: {
  sessions: readonly { session: FeedSession; capacity: number; enrolledOn: (date: Temporal.PlainDate) => number }[];
  window: FeedWindow;
  locale: string;
}): FeedEvent[] {
  const events = o.sessions.flatMap(({ session, capacity, enrolledOn }) =>
    datesOf(session, o.window).map((sessionDate) =>
      eventOf(sessionDate, o.locale, {
        uid: uidOf([session.id, sessionDate.originalDate.toString()]),
        summary: session.name,
        location: session.locationName,
        description: sessionDate.status === 'cancelled' ? null : `${enrolledOn(sessionDate.date)} enrolled of ${capacity}`,
      }),
    ),
  );
  return inOrder(events);
}

function eventOf(sessionDate: SessionDate, locale: string, named: Pick<FeedEvent, 'uid' | 'summary' | 'location' | 'description'>): FeedEvent {
  // A moved date says where it came from, as the organization writes dates, so nobody goes on the old day.
  const moved = sessionDate.status === 'moved' ? `Moved from ${writeDate(sessionDate.originalDate, locale)}` : null;
  const description = [named.description, moved].filter((part) => part !== null).join('. ') || null;
  return { ...named, description, startsAt: sessionDate.startsAt, endsAt: sessionDate.endsAt, cancelled: sessionDate.status === 'cancelled' };
}

function inOrder(events: FeedEvent[]): FeedEvent[] {
  return events.sort((a, b) => Temporal.ZonedDateTime.compare(a.startsAt, b.startsAt) || a.summary.localeCompare(b.summary));
}
