import { Temporal } from 'temporal-polyfill';
import type { SessionSchedule } from '../../domain/schedule/session-dates.js';
import type { SessionDateException, SessionRecurrence } from '../../domain/schedule/session-recurrence.js';


/** The stored columns a recurrence is made of; planned inserts and selected rows both fit. */
export interface SessionRecurrenceColumns {
  weekdays: number[];
  /** 'HH:MM:SS' */
  startTime: string;
  durationMinutes: number;
  startsOn: string;
  endsOn?: string | null;
}

export interface SessionDateExceptionColumns {
  kind: 'cancelled' | 'moved';
  date: string;
  toDate?: string | null;
  toStartTime?: string | null;
  reason?: string | null;
}

export function sessionRecurrenceOf(row: SessionRecurrenceColumns): SessionRecurrence {
  return {
    weekdays: [...row.weekdays],
    startTime: Temporal.PlainTime.from(row.startTime),
    durationMinutes: row.durationMinutes,
    startsOn: Temporal.PlainDate.from(row.startsOn),
    endsOn: row.endsOn ? Temporal.PlainDate.from(row.endsOn) : null,
  };
}

export function sessionDateExceptionOf(row: SessionDateExceptionColumns): SessionDateException {
  const date = Temporal.PlainDate.from(row.date);
  const reason = row.reason ?? null;
  if (row.kind === 'cancelled') return { kind: 'cancelled', date, reason };
  if (!row.toDate) throw new Error(`The moved session date ${row.date} has no new date.`);
  return {
    kind: 'moved',
    date,
    toDate: Temporal.PlainDate.from(row.toDate),
    toStartTime: row.toStartTime ? Temporal.PlainTime.from(row.toStartTime) : null,
    reason,
  };
}

export function sessionScheduleOf(o: {
  session: SessionRecurrenceColumns;
  exceptions: readonly SessionDateExceptionColumns[];
  timeZone: string;
}): SessionSchedule {
  return {
    recurrence: sessionRecurrenceOf(o.session),
    exceptions: o.exceptions.map(sessionDateExceptionOf),
    timeZone: o.timeZone,
  };
}
