import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import {
  sessionRepository,
  type SessionDateExceptionRow,
  type SessionRow,
} from '../../../db/repositories/session-repository.js';
import type { SessionSchedule } from '../../../domain/schedule/session-dates.js';
import type { SessionDateException } from '../../../domain/schedule/session-recurrence.js';

const plainDate = (value: string) => Temporal.PlainDate.from(value);
const plainTime = (value: string) => Temporal.PlainTime.from(value);

function toException(row: SessionDateExceptionRow): SessionDateException {
  if (row.kind === 'moved' && row.toDate) {
    return {
      kind: 'moved',
      date: plainDate(row.date),
      toDate: plainDate(row.toDate),
      toStartTime: row.toStartTime ? plainTime(row.toStartTime) : null,
      reason: row.reason,
    };
  }
  return { kind: 'cancelled', date: plainDate(row.date), reason: row.reason };
}

/** A stored session and its exceptions, as the domain's schedule of session dates. */
export function toSessionSchedule(
  session: SessionRow,
  exceptions: readonly SessionDateExceptionRow[],
  timeZone: string,
): SessionSchedule {
  return {
    recurrence: {
      weekdays: session.weekdays,
      startTime: plainTime(session.startTime),
      durationMinutes: session.durationMinutes,
      startsOn: plainDate(session.startsOn),
      endsOn: session.endsOn ? plainDate(session.endsOn) : null,
    },
    exceptions: exceptions.filter((e) => e.sessionId === session.id).map(toException),
    timeZone,
  };
}

/** Loads the exceptions of several sessions in one query and builds each one's schedule. */
export async function loadSessionSchedules(
  db: Database,
  organization: { id: string; timeZone: string },
  sessions: readonly SessionRow[],
): Promise<Map<string, SessionSchedule>> {
  const exceptions = await sessionRepository.exceptionsFor(
    db,
    organization.id,
    sessions.map((s) => s.id),
  );
  return new Map(sessions.map((s) => [s.id, toSessionSchedule(s, exceptions, organization.timeZone)]));
}

/** Today's local date in the organization's time zone. */
export function todayIn(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): Temporal.PlainDate {
  return now.toZonedDateTimeISO(timeZone).toPlainDate();
}
