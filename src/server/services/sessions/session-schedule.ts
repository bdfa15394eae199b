import type { Database } from '../../../db/client.js';
import { sessionScheduleOf } from '../../../db/repositories/session-schedule-mapper.js';
import {
  sessionRepository,
  type ScheduledSession,
  type SessionDateExceptionRow,
} from '../../../db/repositories/session-repository.js';
import type { SessionSchedule } from '../../../domain/schedule/session-dates.js';

/** A stored session and its exceptions, as the domain's schedule of session dates. */
export function toSessionSchedule(
  session: ScheduledSession,
  exceptions: readonly SessionDateExceptionRow[],
  timeZone: string,
): SessionSchedule {
  return sessionScheduleOf({ session, exceptions: exceptions.filter((e) => e.sessionId === session.id), timeZone });
}

/** Each session's schedule from the exceptions of all of them (grouped once, not filtered per session). */
export function schedulesOf(
  sessions: readonly ScheduledSession[],
  exceptions: readonly SessionDateExceptionRow[],
  timeZone: string,
): Map<string, SessionSchedule> {
  const bySession = new Map<string, SessionDateExceptionRow[]>();
  for (const exception of exceptions) {
    const list = bySession.get(exception.sessionId);
    if (list) list.push(exception);
    else bySession.set(exception.sessionId, [exception]);
  }
  return new Map(sessions.map((s) => [s.id, sessionScheduleOf({ session: s, exceptions: bySession.get(s.id) ?? [], timeZone })]));
}

/**
 * Loads the exceptions of several sessions in one query and builds each one's schedule.
 * With a range, the schedules hold only the exceptions that matter to the dates in it:
 * use them for that range only.
 */
export async function loadSessionSchedules(
  db: Database,
  organization: { id: string; timeZone: string },
  sessions: readonly ScheduledSession[],
  range?: { from: string; to: string },
): Promise<Map<string, SessionSchedule>> {
  const exceptions = await sessionRepository.exceptionsFor(
    db,
    organization.id,
    sessions.map((s) => s.id),
    range,
  );
  return schedulesOf(sessions, exceptions, organization.timeZone);
}

