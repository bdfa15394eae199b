import type { Temporal } from 'temporal-polyfill';
import { coversDate, type SubscriptionPeriod } from './coverage.js';

/** Who is enrolled on a session date: the subscriptions whose period covers it. */
export function rosterOf<T extends { period: SubscriptionPeriod }>(o: {
  date: Temporal.PlainDate;
  subscriptions: readonly T[];
}): T[] {
  return o.subscriptions.filter(({ period }) => coversDate({ period, date: o.date }));
}

/** Enrolled clients per session date, keyed by ISO date; every given date has an entry, 0 if empty. */
export function enrolledCountByDate(o: {
  dates: readonly Temporal.PlainDate[];
  periods: readonly SubscriptionPeriod[];
}): Map<string, number> {
  return new Map(
    o.dates.map((date) => [date.toString(), o.periods.filter((period) => coversDate({ period, date })).length]),
  );
}
