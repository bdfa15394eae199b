import { Temporal } from 'temporal-polyfill';

/**
 * The week the schedule shows around a date: from its Monday (the calendar's first day) to the
 * next Monday, [from, to). The web's week view and the server's "this week" count it the same.
 */
export function weekAround(date: Temporal.PlainDate): { from: Temporal.PlainDate; to: Temporal.PlainDate } {
  const from = date.subtract({ days: date.dayOfWeek - 1 });
  return { from, to: from.add({ days: 7 }) };
}
