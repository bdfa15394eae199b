import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import type { SessionRow } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { AppError } from '../../../domain/errors.js';
import { writeDate } from '../../../domain/formatting/intl-formats.js';
import { realSessionDates, type SessionSchedule } from '../../../domain/schedule/session-dates.js';
import { periodsOverlap, type SubscriptionPeriod } from '../../../domain/subscriptions/coverage.js';
import { assertCapacity } from '../../../domain/subscriptions/capacity.js';
import { enrolledCountByDate } from '../../../domain/subscriptions/roster.js';
import { periodOf } from '../schedule/session-dates-with-enrollment.js';

// Enrolled counts only change where a subscription starts or ends, so dates up to the last
// such boundary plus a margin (cancelled weeks included) show every count there will be.
const MARGIN_DAYS = 63;

/**
 * Refuses a new period in a session when the client already holds an overlapping one or
 * when any of its dates is full. The caller holds the session's row lock, so concurrent
 * enrollments into the same session are checked one after another.
 */
export async function assertSeatAvailable(
  db: Database,
  o: {
    organizationId: string;
    /** How the organization writes dates in messages. */
    locale: string;
    session: SessionRow;
    schedule: SessionSchedule;
    clientId: string;
    period: SubscriptionPeriod;
    override?: boolean;
  },
) {
  const { session, period } = o;
  const subscriptions = await subscriptionRepository.activeForSessions(db, o.organizationId, [session.id], {
    from: period.startsOn.toString(),
    to: period.endsOn?.toString() ?? null,
  });
  const clash = subscriptions.find((s) => s.clientId === o.clientId && periodsOverlap({ a: periodOf(s), b: period }));
  if (clash) {
    const until = clash.endsOn ? ` until ${writeDate(clash.endsOn, o.locale)}` : '';
    throw new AppError(
      'ALREADY_ENROLLED',
      `The client is already enrolled in ${session.name} from ${writeDate(clash.startsOn, o.locale)}${until}; choose another session or a first date after that.`,
      { subscriptionId: clash.id },
    );
  }
  const periods = subscriptions.map(periodOf);
  const lastBoundary = periods
    .flatMap((p) => (p.endsOn ? [p.startsOn, p.endsOn] : [p.startsOn]))
    .reduce((max, d) => (Temporal.PlainDate.compare(d, max) > 0 ? d : max), period.startsOn);
  const horizon = lastBoundary.add({ days: MARGIN_DAYS });
  const to = period.endsOn && Temporal.PlainDate.compare(period.endsOn, horizon) < 0 ? period.endsOn : horizon;
  const dates = realSessionDates({ ...o.schedule, from: period.startsOn, to });
  assertCapacity({
    capacity: session.capacity,
    dates,
    enrolledByDate: enrolledCountByDate({ dates, periods }),
    override: o.override ?? false,
    locale: o.locale,
  });
}
