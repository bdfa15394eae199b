import { Temporal } from 'temporal-polyfill';
import { boundedCache, weakMemo } from '../memo.js';
import { epochDay, isoWeekdayOfEpochDay, plainDateOfEpochDay } from './epoch-days.js';
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

/** A date the session happens on (or, cancelled, would have), before it is placed in a time zone. */
interface PlacedDate {
  /** `date` as an epoch day. */
  day: number;
  date: Temporal.PlainDate;
  originalDate: Temporal.PlainDate;
  status: SessionDate['status'];
  startTime: Temporal.PlainTime;
}

// A schedule's exceptions by epoch day, built once per exceptions list: one transfer asks a
// dozen questions of the same schedule, and a long-running class has years of holidays.
// A schedule's exceptions by epoch day, built once per exceptions list (a transfer asks a dozen
// questions of one schedule). One exception per date; if the store ever holds several, the last one wins.
const exceptionIndex = weakMemo(
  (exceptions: readonly SessionDateException[]) => new Map(exceptions.map((exception) => [epochDay(exception.date), exception])),
);

/** The pattern's dates in the range with their exceptions applied, in no particular order. */
function placeSessionDates(o: SessionSchedule & DateRange & { includeCancelled?: boolean }): PlacedDate[] {
  const { recurrence } = o;
  assertValidRecurrence({ recurrence });
  const exceptions = exceptionIndex(o.exceptions);
  const from = epochDay(o.from);
  const to = epochDay(o.to);
  const placed: PlacedDate[] = [];
  for (const day of recurrenceDaysIn(recurrence, from, to)) {
    const exception = exceptions.get(day);
    if (exception?.kind === 'moved' || (exception && !o.includeCancelled)) continue;
    const date = plainDateOfEpochDay(day);
    placed.push({ day, date, originalDate: date, status: exception ? 'cancelled' : 'scheduled', startTime: recurrence.startTime });
  }
  // A move can bring a date into the range from outside it, so moves are placed on their own.
  for (const exception of exceptions.values()) {
    if (exception.kind !== 'moved') continue;
    const day = epochDay(exception.toDate);
    if (
      day < from ||
      day >= to ||
      // A move of a date the pattern no longer produces is stale and must not create a session.
      !isRecurrenceDate({ recurrence, date: exception.date })
    ) {
      continue;
    }
    placed.push({
      day,
      date: exception.toDate,
      originalDate: exception.date,
      status: 'moved',
      startTime: exception.toStartTime ?? recurrence.startTime,
    });
  }
  return placed;
}

// A schedule places many dates at the same few local starts (a week of 300 sessions: 371 dates,
// far fewer distinct date-and-time pairs). Zone arithmetic is the costly part and Temporal's
// results are immutable, so each (zone, date, time, length) is computed once and shared.
const zonedTimesCache = boundedCache<string, Pick<SessionDate, 'startsAt' | 'endsAt'>>(20_000);
const timeKey = weakMemo((time: Temporal.PlainTime) => time.toString());

function zonedTimes(timeZone: string, { day, date, startTime: plainTime }: PlacedDate, minutes: number) {
  return zonedTimesCache(`${timeZone} ${day} ${timeKey(plainTime)} ${minutes}`, () => {
    // The wall-clock time is fixed and the instant derived, so 16:00 stays 16:00 across DST;
    // toZonedDateTime resolves gaps and overlaps with 'compatible'.
    const startsAt = date.toZonedDateTime({ timeZone, plainTime });
    return { startsAt, endsAt: startsAt.add({ minutes }) };
  });
}

export function listSessionDates(o: SessionSchedule & DateRange & { includeCancelled?: boolean }): SessionDate[] {
  const { recurrence, timeZone } = o;
  return placeSessionDates(o)
    .map((placed) => {
      const { startsAt, endsAt } = zonedTimes(timeZone, placed, recurrence.durationMinutes);
      return { date: placed.date, originalDate: placed.originalDate, status: placed.status, startsAt, endsAt };
    })
    .sort(
      (a, b) =>
        Temporal.ZonedDateTime.compare(a.startsAt, b.startsAt) ||
        Temporal.PlainDate.compare(a.originalDate, b.originalDate),
    );
}

/**
 * The distinct local dates on which the session really happens (cancelled excluded, moves at
 * their new date), in order. Dates only: no time zone arithmetic, so it is cheap to ask often.
 */
export function realSessionDates(o: SessionSchedule & DateRange): Temporal.PlainDate[] {
  // Rosters, attendance and capacity are per local date, so a move onto an existing date adds no date.
  const byDay = new Map(placeSessionDates(o).map(({ day, date }) => [day, date]));
  return [...byDay.keys()].sort((a, b) => a - b).map((day) => byDay.get(day)!);
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

function recurrenceDaysIn(recurrence: SessionRecurrence, from: number, to: number): number[] {
  const first = Math.max(from, epochDay(recurrence.startsOn));
  const end = recurrence.endsOn === null ? to : Math.min(to, epochDay(recurrence.endsOn));
  const days: number[] = [];
  for (const weekday of new Set(recurrence.weekdays)) {
    for (let day = first + ((weekday - isoWeekdayOfEpochDay(first) + 7) % 7); day < end; day += 7) days.push(day);
  }
  return days;
}
