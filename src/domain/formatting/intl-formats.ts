import { Temporal } from 'temporal-polyfill';
import { boundedCache } from '../memo.js';

/**
 * Intl formatters cost far more to build than to use (a transfer's quote formats dozens of
 * dates and amounts), and they are immutable: one per locale and options, kept for the
 * process. Locales are the organizations' and options come from code, so the set stays small
 * (bounded all the same).
 */
const formats = boundedCache<string, Intl.DateTimeFormat | Intl.NumberFormat>(1_000);

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
  return formats(key, build) as T;
}

/** Throws RangeError for a malformed locale or an unknown currency, as the constructor does. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** Throws RangeError for a malformed locale or an unknown time zone, as the constructor does. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/**
 * The same text as Temporal's `PlainDate#toLocaleString(locale, options)`: the calendar date
 * formatted as a UTC day, so neither the process's nor anyone's time zone can shift it.
 */
export function formatPlainDate(date: Temporal.PlainDate, locale: string, options: Intl.DateTimeFormatOptions): string {
  const format = dateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  return format.format(new Date(0).setUTCFullYear(date.year, date.month - 1, date.day));
}

const DATE_AS_WRITTEN: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' };

/**
 * A local date as the organization writes it, the way the screens show it ("Tue, Mar 16, 2027"
 * in en-US, "Tue 16 Mar 2027" in en-GB): what every sentence written for a person uses.
 */
export function writeDate(date: Temporal.PlainDate | string, locale: string): string {
  return formatPlainDate(typeof date === 'string' ? Temporal.PlainDate.from(date) : date, locale, DATE_AS_WRITTEN);
}

/** Several dates as written, in the order given: "Tue, Mar 16, 2027, Tue, Mar 23, 2027" reads badly, so "; " between. */
export function writeDates(dates: readonly (Temporal.PlainDate | string)[], locale: string): string {
  return dates.map((date) => writeDate(date, locale)).join('; ');
}
