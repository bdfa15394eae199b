import { Temporal } from 'temporal-polyfill';

/** An organization's local date at an instant: what "today" means for its schedule and its rules. */
export function todayIn(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): Temporal.PlainDate {
  return now.toZonedDateTimeISO(timeZone).toPlainDate();
}
