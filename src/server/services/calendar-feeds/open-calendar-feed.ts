import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { calendarFeedRepository, type CalendarFeedRow } from '../../../db/repositories/calendar-feed-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { familyFeedEvents, feedWindow, instructorFeedEvents, type FeedEvent, type FeedWindow } from '../../../domain/calendar-feeds/feed-events.js';
import { AppError } from '../../../domain/errors.js';
import { todayIn } from '../../../domain/time/today.js';
import { sessionDatesWithEnrollment } from '../schedule/session-dates-with-enrollment.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';
import { renderFeed } from './render-feed.js';

/**
 * The iCalendar file a feed's address opens, for anyone holding it (no login: the random token
 * is the proof). An unknown or turned-off token is 404, the same answer whatever the reason.
 */
export async function openCalendarFeed(db: Database, token: string, now: Temporal.Instant): Promise<string> {
  const found = await calendarFeedRepository.findLiveByToken(db, token);
  if (!found) throw new AppError('NOT_FOUND', 'This calendar link is not (or no longer) in use; ask for the current one.');
  const organization: OrganizationContext = { ...found.organization, today: todayIn(found.organization.timeZone, now) };
  const window = feedWindow({ today: organization.today });
  const { name, events } = await feedContent(db, organization, found.feed, window);
  return renderFeed({ name: `${name} – ${organization.name}`, timeZone: organization.timeZone, window, events, generatedAt: now });
}

function feedContent(db: Database, organization: OrganizationContext, feed: CalendarFeedRow, window: FeedWindow) {
  if (feed.familyId) return familyFeed(db, organization, feed.familyId, window);
  return instructorFeed(db, organization, feed.instructorId!, window);
}

const rangeOf = (window: FeedWindow) => ({ from: window.from.toString(), to: window.to.toString() });

async function familyFeed(db: Database, organization: OrganizationContext, familyId: string, window: FeedWindow): Promise<{ name: string; events: FeedEvent[] }> {
  const [family, enrollments] = await Promise.all([
    familyRepository.findById(db, organization.id, familyId),
    calendarFeedRepository.familyEnrollmentsIn(db, organization.id, familyId, rangeOf(window)),
  ]);
  const sessions = [...new Map(enrollments.map((e) => [e.session.id, e.session])).values()];
  const schedules = await loadSessionSchedules(db, organization, sessions, rangeOf(window));
  const events = familyFeedEvents({
    window,
    locale: organization.locale,
    enrollments: enrollments.map((e) => ({
      clientId: e.clientId,
      clientName: `${e.firstName} ${e.lastName}`,
      session: { id: e.session.id, name: e.session.name, locationName: e.locationName, schedule: schedules.get(e.session.id)! },
      period: { startsOn: Temporal.PlainDate.from(e.startsOn), endsOn: e.endsOn ? Temporal.PlainDate.from(e.endsOn) : null },
    })),
  });
  return { name: `${family?.name ?? 'Family'} family`, events };
}

async function instructorFeed(db: Database, organization: OrganizationContext, instructorId: string, window: FeedWindow): Promise<{ name: string; events: FeedEvent[] }> {
  const [instructor, rows] = await Promise.all([
    instructorRepository.findById(db, organization.id, instructorId),
    sessionRepository.listRunningBetweenWithNames(db, organization.id, rangeOf(window), { instructorId }),
  ]);
  const sessions = rows.map((row) => row.session);
  const schedules = await loadSessionSchedules(db, organization, sessions, rangeOf(window));
  // The roster counts, from the same queries as the schedule's.
  const counted = await sessionDatesWithEnrollment(db, organization, sessions, window, { schedules });
  const enrolled = new Map(counted.map((d) => [`${d.session.id}:${d.sessionDate.date.toString()}`, d.enrolled]));
  const events = instructorFeedEvents({
    window,
    locale: organization.locale,
    sessions: rows.map(({ session, locationName }) => ({
      session: { id: session.id, name: session.name, locationName, schedule: schedules.get(session.id)! },
      capacity: session.capacity,
      enrolledOn: (date) => enrolled.get(`${session.id}:${date.toString()}`) ?? 0,
    })),
  });
  return { name: instructor?.name ?? 'Instructor', events };
}
