import { Temporal } from 'temporal-polyfill';
import { listSessionDates, type SessionDate, type SessionSchedule } from '../schedule/session-dates.js';
import type { SubscriptionPeriod } from './coverage.js';

/** How far ahead the next dates are looked for: a weekly class's 8 dates fit, with room for a holiday break. */
const HORIZON_DAYS = 120;

/**
 * The next dates an enrollment covers, from today (or its start, if later) to its end: cancelled
 * dates are kept (a family should see the class is off), moved ones appear at their new date and
 * time. At most `count`, in order.
 */
export function nextEnrolledDates(o: SessionSchedule & { period: SubscriptionPeriod; today: Temporal.PlainDate; count: number }): SessionDate[] {
  const from = Temporal.PlainDate.compare(o.period.startsOn, o.today) > 0 ? o.period.startsOn : o.today;
  const horizon = from.add({ days: HORIZON_DAYS });
  const to = o.period.endsOn && Temporal.PlainDate.compare(o.period.endsOn, horizon) < 0 ? o.period.endsOn : horizon;
  if (Temporal.PlainDate.compare(from, to) >= 0) return [];
  return listSessionDates({ recurrence: o.recurrence, exceptions: o.exceptions, timeZone: o.timeZone, from, to, includeCancelled: true }).slice(0, o.count);
}
