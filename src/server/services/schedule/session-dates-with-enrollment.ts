import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import type { SessionRow } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { listSessionDates, type SessionDate } from '../../../domain/schedule/session-dates.js';
import type { SubscriptionPeriod } from '../../../domain/subscriptions/coverage.js';
import { enrolledCountByDate } from '../../../domain/subscriptions/roster.js';
import type { OrganizationContext } from '../../http/organization-scope.js';
import type { SessionDateDto } from '../../routes/sessions/sessions.types.js';
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

export interface SessionDateWithEnrollment {
  session: SessionRow;
  sessionDate: SessionDate;
  enrolled: number;
}

/**
 * Every date of these sessions in the range, with how many clients are enrolled on it:
 * three queries whatever the number of sessions (sessions, exceptions, subscriptions).
 */
export async function sessionDatesWithEnrollment(
  db: Database,
  organization: OrganizationContext,
  sessions: readonly SessionRow[],
  range: DateRange,
): Promise<SessionDateWithEnrollment[]> {
  const schedules = await loadSessionSchedules(db, organization, sessions);
  // A moved date may land outside the range it came from; a week's margin keeps it.
  const subscriptions = await subscriptionRepository.activeForSessions(
    db,
    organization.id,
    sessions.map((s) => s.id),
    { from: range.from.subtract({ days: 7 }).toString(), to: range.to.add({ days: 7 }).toString() },
  );
  const periodsBySession = new Map<string, SubscriptionPeriod[]>();
  for (const subscription of subscriptions) {
    const periods = periodsBySession.get(subscription.sessionId) ?? [];
    periods.push(periodOf(subscription));
    periodsBySession.set(subscription.sessionId, periods);
  }
  return sessions.flatMap((session) => {
    const dates = listSessionDates({ ...schedules.get(session.id)!, ...range, includeCancelled: true });
    const counts = enrolledCountByDate({
      dates: dates.map((d) => d.date),
      periods: periodsBySession.get(session.id) ?? [],
    });
    return dates.map((sessionDate) => ({
      session,
      sessionDate,
      enrolled: sessionDate.status === 'cancelled' ? 0 : (counts.get(sessionDate.date.toString()) ?? 0),
    }));
  });
}

export function toSessionDateDto({ session, sessionDate, enrolled }: SessionDateWithEnrollment): SessionDateDto {
  return {
    date: sessionDate.date.toString(),
    originalDate: sessionDate.originalDate.toString(),
    status: sessionDate.status,
    startsAt: sessionDate.startsAt.toInstant().toString(),
    endsAt: sessionDate.endsAt.toInstant().toString(),
    localStartTime: sessionDate.startsAt.toPlainTime().toString({ smallestUnit: 'minute' }),
    enrolled,
    capacity: session.capacity,
    freeSeats: Math.max(0, session.capacity - enrolled),
  };
}
