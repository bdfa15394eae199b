import type { Temporal } from 'temporal-polyfill';
import { realSessionDates, type SessionSchedule } from './session-dates.js';

/** The real session dates in a calendar month: what a monthly price is prorated by. */
export function realSessionDatesInMonth(
  o: SessionSchedule & { month: Temporal.PlainYearMonth },
): Temporal.PlainDate[] {
  const from = o.month.toPlainDate({ day: 1 });
  return realSessionDates({ ...o, from, to: from.add({ months: 1 }) });
}

/** Counted from the real calendar, never guessed as "4 weeks". */
export function sessionsPerMonth(o: SessionSchedule & { month: Temporal.PlainYearMonth }): number {
  return realSessionDatesInMonth(o).length;
}
