import { Temporal } from 'temporal-polyfill';
import { AppError } from '../errors.js';

/** A session's weekly pattern in local wall-clock terms; instants are derived per time zone. */
export interface SessionRecurrence {
  /** ISO weekday numbers, 1 = Monday .. 7 = Sunday; non-empty. */
  weekdays: number[];
  /** Local wall-clock start time. */
  startTime: Temporal.PlainTime;
  durationMinutes: number;
  /** First possible date, inclusive. */
  startsOn: Temporal.PlainDate;
  /** Exclusive; null = open-ended. */
  endsOn: Temporal.PlainDate | null;
}

/** A stored change to one recurrence date; `date` is always the recurrence's own date. */
export type SessionDateException =
  | { kind: 'cancelled'; date: Temporal.PlainDate; reason?: string | null }
  | {
      kind: 'moved';
      date: Temporal.PlainDate;
      toDate: Temporal.PlainDate;
      /** null keeps the recurrence's start time. */
      toStartTime: Temporal.PlainTime | null;
      reason?: string | null;
    };

export function assertValidRecurrence(o: { recurrence: SessionRecurrence }): void {
  const { weekdays, durationMinutes, startsOn, endsOn } = o.recurrence;
  if (weekdays.length === 0 || !weekdays.every((day) => Number.isInteger(day) && day >= 1 && day <= 7)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Choose at least one weekday for the session (1 = Monday .. 7 = Sunday).',
      { fields: [{ field: 'body.weekdays', message: 'choose at least one weekday' }] },
    );
  }
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) {
    throw new AppError('VALIDATION_FAILED', 'The session length must be a whole number of minutes above zero.', {
      fields: [{ field: 'body.durationMinutes', message: 'must be a whole number of minutes above zero' }],
    });
  }
  if (endsOn !== null && Temporal.PlainDate.compare(endsOn, startsOn) <= 0) {
    throw new AppError(
      'INVALID_DATE_RANGE',
      `The session must end after it starts: its end (${endsOn.toString()}) is not after its start (${startsOn.toString()}).`,
      { fields: [{ field: 'body.endsOn', message: 'must be after the start' }] },
    );
  }
}

/** Whether the weekly pattern itself produces `date`, before any exception. */
export function isRecurrenceDate(o: { recurrence: SessionRecurrence; date: Temporal.PlainDate }): boolean {
  const { weekdays, startsOn, endsOn } = o.recurrence;
  return (
    weekdays.includes(o.date.dayOfWeek) &&
    Temporal.PlainDate.compare(startsOn, o.date) <= 0 &&
    (endsOn === null || Temporal.PlainDate.compare(o.date, endsOn) < 0)
  );
}
