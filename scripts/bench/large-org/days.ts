import { Temporal } from 'temporal-polyfill';

/**
 * Local dates as whole days since 1970-01-01, so the synthetic history (millions of rows)
 * compares and steps dates with integer arithmetic; Temporal stays the source of truth
 * for which dates a session has (see plan.ts).
 */
export type Day = number;

const DAY_MS = 86_400_000;
const isoCache = new Map<Day, string>();

export function dayOf(date: Temporal.PlainDate | string): Day {
  const d = typeof date === 'string' ? Temporal.PlainDate.from(date) : date;
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

export function isoOf(day: Day): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

export function plainDateOf(day: Day): Temporal.PlainDate {
  return Temporal.PlainDate.from(isoOf(day));
}

/** 0 = January 1970; months step with integer arithmetic too. */
export type Month = number;

export function monthOf(day: Day): Month {
  const date = new Date(day * DAY_MS);
  return (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
}

export function firstDayOfMonth(month: Month): Day {
  return Math.round(Date.UTC(1970 + Math.floor(month / 12), month % 12, 1) / DAY_MS);
}

export function monthLabel(month: Month): { year: number; month: number } {
  return { year: 1970 + Math.floor(month / 12), month: (month % 12) + 1 };
}

/** An instant on a local day, roughly `hour` o'clock in the eastern US (exact zones do not matter for history rows). */
export function instantOn(day: Day, hour: number, minute = 0): string {
  return new Date(day * DAY_MS + (hour + 5) * 3_600_000 + minute * 60_000).toISOString();
}

/** ISO weekday (1 = Monday) of a day. */
export function weekdayOf(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Index of the first element >= value in a sorted array (length if none). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
