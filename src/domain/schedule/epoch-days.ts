import { Temporal } from 'temporal-polyfill';
import { boundedCache, weakMemo } from '../memo.js';

/**
 * Plain dates as whole days since 1970-01-01 (ISO calendar), for the arithmetic a schedule
 * does thousands of times per request (every weekday of every session in a range): integer
 * steps instead of Temporal calls. Both directions are memoized; Temporal values are
 * immutable, so one instance serves every caller.
 */
const MS_PER_DAY = 86_400_000;
const datesOfDays = boundedCache<number, Temporal.PlainDate>(50_000);

export const epochDay = weakMemo(
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  (date: Temporal.PlainDate): number => new Date(0).setUTCFullYear(date.year, date.month - 1, date.day) / MS_PER_DAY,
);

export function plainDateOfEpochDay(day: number): Temporal.PlainDate {
  return datesOfDays(day, () => {
    const utc = new Date(day * MS_PER_DAY);
    const date = Temporal.PlainDate.from({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
    epochDay.remember(date, day);
    return date;
  });
}

/** ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
