import { Temporal } from 'temporal-polyfill';
import type { SessionSchedule } from '../schedule/session-dates.js';
import { formatPlainDate } from './intl-formats.js';

/** A Monday, so adding (weekday − 1) days names each ISO weekday. */
const A_MONDAY = Temporal.PlainDate.from('2027-03-01');

/** "Tue 16:00", or "Mon, Wed 16:00" for several weekdays; local wall-clock time. */
export function weeklyTime(o: { schedule: SessionSchedule; locale: string }): string {
  return weekdaysAndTime({ ...o.schedule.recurrence, locale: o.locale });
}

/** The same from a session's weekdays and start time alone. */
export function weekdaysAndTime(o: { weekdays: readonly number[]; startTime: Temporal.PlainTime; locale: string }): string {
  const { weekdays, startTime } = o;
  const days = [...new Set(weekdays)]
    .sort((a, b) => a - b)
    .map((weekday) => formatPlainDate(A_MONDAY.add({ days: weekday - 1 }), o.locale, { weekday: 'short' }));
  return `${days.join(', ')} ${startTime.toString({ smallestUnit: 'minute' })}`;
}
