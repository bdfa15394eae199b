import { Temporal } from 'temporal-polyfill';
import type { Role } from '../access/permissions.js';
import { can } from '../access/permissions.js';
import { AppError } from '../errors.js';
import { writeDate } from '../formatting/intl-formats.js';

/**
 * DESIGN.md "Time and roles": today is the organization's local date; a change whose effect
 * reaches a date before today is back-dating, which only a manager may do, and it names the
 * earliest date it touches.
 */

/** A date a change reaches, with the request field that set it (for the refusal's fields). */
export interface ReachedDate {
  date: Temporal.PlainDate;
  field: string;
}

/** The earliest date the change reaches when it is before today; null when it is all from today on. */
export function reachesBack(o: { dates: readonly ReachedDate[]; today: Temporal.PlainDate }): ReachedDate | null {
  const earliest = o.dates.reduce<ReachedDate | null>(
    (min, d) => (min === null || Temporal.PlainDate.compare(d.date, min.date) < 0 ? d : min),
    null,
  );
  return earliest && Temporal.PlainDate.compare(earliest.date, o.today) < 0 ? earliest : null;
}

/**
 * Refuses a change that reaches before today unless the actor may back-date. `change` names
 * it for the sentence ("This transfer", "Unenrolling from this date").
 */
export function assertMayReachBack(o: {
  actor: { role: Role };
  reached: ReachedDate | null;
  today: Temporal.PlainDate;
  locale: string;
  change: string;
}): void {
  if (!o.reached || can(o.actor.role, 'changes.backdate')) return;
  const date = writeDate(o.reached.date, o.locale);
  throw new AppError(
    'FORBIDDEN',
    `${o.change} reaches back to ${date}, before today (${writeDate(o.today, o.locale)}). ` +
      'Only a manager can back-date: ask a manager, or choose dates from today on.',
    { fields: [{ field: o.reached.field, message: 'before today: a manager can back-date' }], earliestDate: o.reached.date.toString() },
  );
}

/** The warning a manager sees on a back-dated change, naming the earliest date it touches. */
export function backDatedWarning(o: { reached: ReachedDate; today: Temporal.PlainDate; locale: string; change: string }) {
  return {
    code: 'BACK_DATED' as const,
    message:
      `${o.change} reaches back to ${writeDate(o.reached.date, o.locale)}, before today ` +
      `(${writeDate(o.today, o.locale)}): it changes the past, which only a manager can do.`,
    dates: [o.reached.date.toString()],
  };
}

/**
 * Attendance is recorded only for dates up to today: a future date has not happened yet.
 */
export function assertNotInFuture(o: { date: Temporal.PlainDate; today: Temporal.PlainDate; locale: string; field: string }): void {
  if (Temporal.PlainDate.compare(o.date, o.today) <= 0) return;
  throw new AppError(
    'DATE_IN_FUTURE',
    `Attendance for ${writeDate(o.date, o.locale)} can be recorded from that day on; today is ${writeDate(o.today, o.locale)}.`,
    { fields: [{ field: o.field, message: 'after today' }] },
  );
}
