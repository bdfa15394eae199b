import { Temporal } from 'temporal-polyfill';
import { dateTimeFormat, formatPlainDate } from '../../../domain/formatting/intl-formats';

// Every text here goes through the domain's cached formatters: Temporal's toLocaleString builds a
// new Intl formatter on each call, and a screen formats dozens of dates and times as it draws
// (on a phone that was a tenth of the schedule's first render).

/** Today's date in the organization's time zone, not the browser's. */
export function todayIn(timeZone: string): string {
  return Temporal.Now.plainDateISO(timeZone).toString();
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** "Tue, Dec 1, 2026": a local date (YYYY-MM-DD) as people read it. */
export function formatLocalDate(date: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }
      : { weekday: 'short', month: 'short', day: 'numeric' };
  return formatPlainDate(Temporal.PlainDate.from(date), locale, options);
}

/** An instant (UTC ISO) as a date and time in the organization's zone. */
export function formatInstant(instant: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
}

/** ISO weekday (1 = Monday … 7 = Sunday) as a short name in the locale. */
export function weekdayName(isoWeekday: number, locale: string, width: 'short' | 'long' = 'short'): string {
  // 2024-01-01 was a Monday, so day (isoWeekday - 1) after it has that weekday.
  return formatPlainDate(Temporal.PlainDate.from('2024-01-01').add({ days: isoWeekday - 1 }), locale, { weekday: width });
}

export function weekdaysText(weekdays: number[], locale: string): string {
  return weekdays.map((day) => weekdayName(day, locale)).join(', ');
}

/** "17:00" (as stored) shown in the locale's clock, e.g. "5:00 PM" for en-US. */
export function formatLocalTime(time: string, locale: string): string {
  const { hour, minute } = Temporal.PlainTime.from(time);
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 1, hour, minute));
}

/**
 * The local dates [from, to) of a window around a date (`before` days back, `after` ahead), kept
 * within a period that starts on `startsOn` and ends (exclusive) on `endsOn`; never empty.
 */
export function windowWithin(o: { around: string; before: number; after: number; startsOn: string; endsOn: string | null }) {
  const earliest = addDays(o.around, -o.before);
  const from = o.startsOn > earliest ? o.startsOn : earliest;
  const latest = addDays(o.around, o.after);
  const to = o.endsOn && o.endsOn < latest ? o.endsOn : latest;
  return { from, to: to > from ? to : addDays(from, 1) };
}

/**
 * A period of local dates [start, endExclusive) as people read it: "March 2027" for a whole
 * calendar month, else its first and last day ("Mar 18 – 31, 2027"), in the locale's words.
 */
export function formatPeriod(start: string, endExclusive: string, locale: string): string {
  const first = Temporal.PlainDate.from(start);
  const last = Temporal.PlainDate.from(endExclusive).subtract({ days: 1 });
  if (first.day === 1 && last.equals(first.add({ months: 1 }).subtract({ days: 1 }))) {
    return formatPlainDate(first, locale, { month: 'long', year: 'numeric' });
  }
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' };
  const at = (date: Temporal.PlainDate) => new Date(Date.UTC(date.year, date.month - 1, date.day));
  return dateTimeFormat(locale, options).formatRange(at(first), at(Temporal.PlainDate.compare(last, first) < 0 ? first : last));
}

/** Months before or after a local date, kept within the month ("2026-11-30" − 3 months = "2026-08-30"). */
export function addMonths(date: string, months: number): string {
  return Temporal.PlainDate.from(date).add({ months }).toString();
}
