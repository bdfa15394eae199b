import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import type { ScheduledSession } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { listSessionDates, type SessionDate, type SessionSchedule } from '../../../domain/schedule/session-dates.js';
import type { SubscriptionPeriod } from '../../../domain/subscriptions/coverage.js';
import { weakMemo } from '../../../domain/memo.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import type { SessionDateDto } from '../../../contracts/sessions.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';

export interface DateRange {
  from: Temporal.PlainDate;
  to: Temporal.PlainDate;
}

export function periodOf(subscription: Pick<SubscriptionRow, 'startsOn' | 'endsOn'>): SubscriptionPeriod {
  return {
    startsOn: Temporal.PlainDate.from(subscription.startsOn),
    endsOn: subscription.endsOn ? Temporal.PlainDate.from(subscription.endsOn) : null,
  };
}

export interface SessionDateWithEnrollment<S extends ScheduledSession = ScheduledSession> {
  session: S;
  sessionDate: SessionDate;
  enrolled: number;
}

/**
 * Every date of these sessions in the range, with how many clients are enrolled on it:
 * three queries whatever the number of sessions (sessions, exceptions, counts), each
 * reading only what the range needs, however long the history behind it. A caller that has
 * already read them passes the sessions' schedules for this range, and counts for some of
 * the dates (`enrolledCountsOnPatternDates`, awaited once the dates are computed); only the
 * dates missing from those are counted.
 */
export async function sessionDatesWithEnrollment<S extends ScheduledSession>(
  db: Database,
  organization: OrganizationContext,
  sessions: readonly S[],
  range: DateRange,
  loaded: { schedules?: Map<string, SessionSchedule>; counts?: Promise<Map<string, number>> } = {},
): Promise<SessionDateWithEnrollment<S>[]> {
  const schedules =
    loaded.schedules ?? (await loadSessionSchedules(db, organization, sessions, { from: range.from.toString(), to: range.to.toString() }));
  const dated = sessions.flatMap((session) => {
    const { recurrence, exceptions, timeZone } = schedules.get(session.id)!;
    return listSessionDates({ recurrence, exceptions, timeZone, from: range.from, to: range.to, includeCancelled: true }).map((sessionDate) => ({
      session,
      sessionDate,
      key: `${session.id}:${dateText(sessionDate.date)}`,
    }));
  });
  const known = (await loaded.counts) ?? new Map<string, number>();
  const missing = dated.filter(({ sessionDate, key }) => sessionDate.status !== 'cancelled' && !known.has(key));
  const counted = await subscriptionRepository.enrolledCounts(
    db,
    organization.id,
    missing.map(({ session, sessionDate }) => ({ sessionId: session.id, date: dateText(sessionDate.date) })),
  );
  return dated.map(({ session, sessionDate, key }) => ({
    session,
    sessionDate,
    enrolled: sessionDate.status === 'cancelled' ? 0 : (known.get(key) ?? counted.get(key) ?? 0),
  }));
}

/** Temporal's Instant#toString() of a zoned time, taking the fast path for whole seconds in years 1000–9999 (the same text). */
function instantText(at: Temporal.ZonedDateTime): string {
  const ms = at.epochMilliseconds;
  if (ms % 1000 === 0 && ms >= -30_610_224_000_000 && ms < 253_402_300_800_000 && at.epochNanoseconds % 1_000_000n === 0n) {
    return `${new Date(ms).toISOString().slice(0, 19)}Z`;
  }
  return at.toInstant().toString();
}

// The domain shares one zoned time among the session dates that start together, and one
// plain date among those on the same day, so their texts are written once.
const dateText = weakMemo((date: Temporal.PlainDate) => date.toString());
const textsOf = weakMemo((at: Temporal.ZonedDateTime) => ({
  instant: instantText(at),
  localTime: at.toPlainTime().toString({ smallestUnit: 'minute' }),
}));

export function toSessionDateDto({ session, sessionDate, enrolled }: SessionDateWithEnrollment): SessionDateDto {
  return {
    date: dateText(sessionDate.date),
    originalDate: dateText(sessionDate.originalDate),
    status: sessionDate.status,
    startsAt: textsOf(sessionDate.startsAt).instant,
    endsAt: textsOf(sessionDate.endsAt).instant,
    localStartTime: textsOf(sessionDate.startsAt).localTime,
    enrolled,
    capacity: session.capacity,
    freeSeats: Math.max(0, session.capacity - enrolled),
  };
}
