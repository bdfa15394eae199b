import { Temporal } from 'temporal-polyfill';
import { boundedCache } from '../../domain/memo.js';
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

/**
 * Stored dates and times as Temporal values, parsed once per distinct text: Temporal values
 * are immutable, so one instance can serve every row that holds the same text, and a
 * schedule of hundreds of sessions stops parsing the same few dates and times on every
 * request. Bounded: the memo starts over when it has seen many distinct values.
 */
const plainDates = boundedCache<string, Temporal.PlainDate>(50_000);
const plainTimes = boundedCache<string, Temporal.PlainTime>(50_000);
const plainDate = (text: string) => plainDates(text, () => Temporal.PlainDate.from(text));
const plainTime = (text: string) => plainTimes(text, () => Temporal.PlainTime.from(text));

export function sessionRecurrenceOf(row: SessionRecurrenceColumns): SessionRecurrence {
  return {
    weekdays: [...row.weekdays],
    startTime: plainTime(row.startTime),
    durationMinutes: row.durationMinutes,
    startsOn: plainDate(row.startsOn),
    endsOn: row.endsOn ? plainDate(row.endsOn) : null,
  };
}

export function sessionDateExceptionOf(row: SessionDateExceptionColumns): SessionDateException {
  const date = plainDate(row.date);
  const reason = row.reason ?? null;
  if (row.kind === 'cancelled') return { kind: 'cancelled', date, reason };
  if (!row.toDate) throw new Error(`The moved session date ${row.date} has no new date.`);
  return {
    kind: 'moved',
    date,
    toDate: plainDate(row.toDate),
    toStartTime: row.toStartTime ? plainTime(row.toStartTime) : null,
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
