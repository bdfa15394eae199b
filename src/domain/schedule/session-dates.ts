import { Temporal } from 'temporal-polyfill';
import {
  assertValidRecurrence,
  isRecurrenceDate,
  type SessionDateException,
  type SessionRecurrence,
} from './session-recurrence.js';

export interface SessionDate {
  /** The local date it actually happens (for moved: the new date). */
  date: Temporal.PlainDate;
  /** The recurrence date it came from (== date unless moved). */
  originalDate: Temporal.PlainDate;
  status: 'scheduled' | 'cancelled' | 'moved';
  /** In the organization's time zone. */
  startsAt: Temporal.ZonedDateTime;
  endsAt: Temporal.ZonedDateTime;
}

/** What every session-date question needs: the pattern, its stored exceptions, the organization's IANA zone. */
export interface SessionSchedule {
  recurrence: SessionRecurrence;
  exceptions: readonly SessionDateException[];
  timeZone: string;
}

/** A half-open range of local dates: `from` inclusive, `to` exclusive. */
interface DateRange {
  from: Temporal.PlainDate;
  to: Temporal.PlainDate;
}

export function listSessionDates(o: SessionSchedule & DateRange & { includeCancelled?: boolean }): SessionDate[] {
  const { recurrence, timeZone } = o;
  assertValidRecurrence({ recurrence });
  // One exception per date; if the store ever holds several, the last one wins.
  const exceptions = new Map(o.exceptions.map((exception) => [exception.date.toString(), exception]));
  // The wall-clock time is fixed and the instant derived, so 16:00 stays 16:00 across DST;
  // toZonedDateTime resolves gaps and overlaps with 'compatible'.
  const timed = (date: Temporal.PlainDate, plainTime: Temporal.PlainTime) => {
    const startsAt = date.toZonedDateTime({ timeZone, plainTime });
    return { startsAt, endsAt: startsAt.add({ minutes: recurrence.durationMinutes }) };
  };

  const sessionDates: SessionDate[] = [];
  for (const date of recurrenceDatesIn({ recurrence, from: o.from, to: o.to })) {
    const exception = exceptions.get(date.toString());
    if (exception?.kind === 'moved' || (exception && !o.includeCancelled)) continue;
    sessionDates.push({
      date,
      originalDate: date,
      status: exception ? 'cancelled' : 'scheduled',
      ...timed(date, recurrence.startTime),
    });
  }
  // A move can bring a date into the range from outside it, so moves are placed on their own.
  for (const exception of exceptions.values()) {
    if (
      exception.kind !== 'moved' ||
      !inRange({ date: exception.toDate, from: o.from, to: o.to }) ||
      // A move of a date the pattern no longer produces is stale and must not create a session.
      !isRecurrenceDate({ recurrence, date: exception.date })
    ) {
      continue;
    }
    sessionDates.push({
      date: exception.toDate,
      originalDate: exception.date,
      status: 'moved',
      ...timed(exception.toDate, exception.toStartTime ?? recurrence.startTime),
    });
  }
  return sessionDates.sort(
    (a, b) =>
      Temporal.ZonedDateTime.compare(a.startsAt, b.startsAt) ||
      Temporal.PlainDate.compare(a.originalDate, b.originalDate),
  );
}

/** The distinct local dates on which the session really happens (cancelled excluded, moves at their new date). */
export function realSessionDates(o: SessionSchedule & DateRange): Temporal.PlainDate[] {
  // Rosters, attendance and capacity are per local date, so a move onto an existing date adds no date.
  const byIso = new Map(listSessionDates(o).map(({ date }) => [date.toString(), date]));
  return [...byIso.values()];
}

export function isRealSessionDate(o: SessionSchedule & { date: Temporal.PlainDate }): boolean {
  return realSessionDates({ ...o, from: o.date, to: o.date.add({ days: 1 }) }).length > 0;
}

export function firstRealSessionDateOnOrAfter(
  o: SessionSchedule & { date: Temporal.PlainDate; horizonDays?: number },
): Temporal.PlainDate | null {
  const to = o.date.add({ days: o.horizonDays ?? 400 });
  return realSessionDates({ ...o, from: o.date, to })[0] ?? null;
}

function recurrenceDatesIn(o: { recurrence: SessionRecurrence } & DateRange): Temporal.PlainDate[] {
  const { weekdays, startsOn, endsOn } = o.recurrence;
  const first = Temporal.PlainDate.compare(o.from, startsOn) > 0 ? o.from : startsOn;
  const end = endsOn !== null && Temporal.PlainDate.compare(endsOn, o.to) < 0 ? endsOn : o.to;
  const dates: Temporal.PlainDate[] = [];
  for (const weekday of new Set(weekdays)) {
    let date = first.add({ days: (weekday - first.dayOfWeek + 7) % 7 });
    while (Temporal.PlainDate.compare(date, end) < 0) {
      dates.push(date);
      date = date.add({ weeks: 1 });
    }
  }
  return dates;
}

function inRange(o: { date: Temporal.PlainDate } & DateRange): boolean {
  return Temporal.PlainDate.compare(o.from, o.date) <= 0 && Temporal.PlainDate.compare(o.date, o.to) < 0;
}
