import { Temporal } from 'temporal-polyfill';

/**
 * Where the API reads the time a request acts at, and from it each organization's "today"
 * (what back-dating, attendance and invoice issue days are measured against). The system
 * clock in production; tests set a day, as the worked examples happen on theirs.
 */
export interface Clock {
  now(): Temporal.Instant;
}

export const systemClock: Clock = { now: () => Temporal.Now.instant() };

/** A clock the caller sets, starting at the system's time. */
export function settableClock() {
  let fixed: Temporal.Instant | null = null;
  return {
    now: () => fixed ?? Temporal.Now.instant(),
    /** Noon UTC of the date: the same local date in every zone from UTC−11 to UTC+11. */
    setToday(date: string) {
      fixed = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: 'UTC', plainTime: '12:00' }).toInstant();
    },
    reset() {
      fixed = null;
    },
  };
}
