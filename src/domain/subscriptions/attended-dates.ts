import { Temporal } from 'temporal-polyfill';
import { AppError } from '../errors.js';
import { writeDate, writeDates } from '../formatting/intl-formats.js';

/**
 * DESIGN.md "Time and roles": a change that would take a client off a date with recorded
 * attendance is refused, for everyone, naming the dates. An enrollment ending on `endsOn`
 * (exclusive) takes the client off every date from it on.
 */
export function assertKeepsAttendedDates(o: {
  /** Dates with attendance recorded (present or absent) on this enrollment. */
  attended: readonly Temporal.PlainDate[];
  endsOn: Temporal.PlainDate;
  sessionName: string;
  locale: string;
  field: string;
}): void {
  const lost = o.attended.filter((d) => Temporal.PlainDate.compare(d, o.endsOn) >= 0).sort(Temporal.PlainDate.compare);
  if (lost.length === 0) return;
  const last = lost[lost.length - 1]!;
  throw new AppError(
    'ATTENDANCE_RECORDED',
    `Attendance is recorded in ${o.sessionName} on ${writeDates(lost, o.locale)}; the client cannot be taken off ` +
      `${lost.length === 1 ? 'that date' : 'those dates'}. Choose a date after ${writeDate(last, o.locale)}.`,
    { fields: [{ field: o.field, message: `after ${writeDate(last, o.locale)}: attendance is recorded` }], attendedDates: lost.map(String) },
  );
}
