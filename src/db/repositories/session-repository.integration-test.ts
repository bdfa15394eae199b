import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { sessions } from '../schema/index.js';
import { buildInstructor, buildLocation, buildOrganization, buildService, buildSession } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { matchingSessions, runningIn, sessionRepository, type SessionDateExceptionRow, type SessionRow } from './session-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

/** The first week of February 2027 (Monday to Monday, exclusive). */
const week = { from: '2027-02-01', to: '2027-02-08' };

/** Sessions on both sides of each edge of `week`; those expected to run in it are `running`. */
async function buildSessionsAroundWeek(organizationId: string) {
  const add = (name: string, o: Partial<SessionRow>) => buildSession(db, organizationId, { name, ...o });
  const running = {
    openEnded: await add('Beta', { startsOn: '2027-01-05', endsOn: null, startTime: '16:00:00' }),
    endsTheDayAfterFrom: await add('Zeta', { startsOn: '2027-01-05', endsOn: '2027-02-02', startTime: '09:00:00' }),
    startsTheDayBeforeTo: await add('Alpha', { startsOn: '2027-02-07', weekdays: [7], startTime: '16:00:00' }),
  };
  const notRunning = {
    endsOnFrom: await add('Ended', { startsOn: '2027-01-05', endsOn: '2027-02-01', startTime: '08:00:00' }),
    startsOnTo: await add('Later', { startsOn: '2027-02-08', weekdays: [1], startTime: '08:00:00' }),
    longAgo: await add('Old', { startsOn: '2026-01-06', endsOn: '2026-06-01', startTime: '08:00:00' }),
  };
  return { running, notRunning };
}

const sortExceptions = (rows: SessionDateExceptionRow[]) =>
  [...rows].sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.date.localeCompare(b.date));

describe('runningIn and matchingSessions', () => {
  it('runningIn: started before the range’s end and not ended (exclusive end, null = open) by its start', async () => {
    const org = await buildOrganization(db);
    const { running } = await buildSessionsAroundWeek(org.id);

    const rows = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.organizationId, org.id), runningIn(week)));
    expect(rows.map((r) => r.id).sort()).toEqual(Object.values(running).map((s) => s.id).sort());
  });

  it('matchingSessions: every criterion given must match; none given matches all', async () => {
    const org = await buildOrganization(db);
    const service = await buildService(db, org.id);
    const instructor = await buildInstructor(db, org.id);
    const both = await buildSession(db, org.id, { name: 'Both', serviceId: service.id, instructorId: instructor.id });
    const serviceOnly = await buildSession(db, org.id, { name: 'Service only', serviceId: service.id });
    const neither = await buildSession(db, org.id, { name: 'Neither' });
    const names = async (filter?: Parameters<typeof matchingSessions>[0]) =>
      (await db.select().from(sessions).where(and(eq(sessions.organizationId, org.id), matchingSessions(filter))).orderBy(asc(sessions.name))).map(
        (s) => s.name,
      );

    expect(await names({ serviceId: service.id })).toEqual([both.name, serviceOnly.name]);
    expect(await names({ serviceId: service.id, instructorId: instructor.id })).toEqual([both.name]);
    expect(await names({ locationId: neither.locationId })).toEqual([neither.name]);
    expect(await names({ serviceId: undefined })).toEqual([both.name, neither.name, serviceOnly.name]);
    expect(await names()).toEqual([both.name, neither.name, serviceOnly.name]);
  });
});

describe('sessionRepository', () => {
  it('lists by name, narrowed by service, instructor or location, only the organization’s', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const instructor = await buildInstructor(db, org.id);
    const tue = await buildSession(db, org.id, { name: 'Tuesday', instructorId: instructor.id });
    const mon = await buildSession(db, org.id, { name: 'Monday', instructorId: instructor.id });
    const friday = await buildSession(db, org.id, { name: 'Friday' });
    await buildSession(db, other.id, { name: 'Anytime' });
    const page = { limit: 10, offset: 0 };

    expect(await sessionRepository.list(db, org.id, page)).toMatchObject({ items: [friday, mon, tue], total: 3 });
    expect(await sessionRepository.list(db, org.id, page, { instructorId: instructor.id })).toMatchObject({ items: [mon, tue], total: 2 });
    expect(await sessionRepository.findById(db, other.id, tue.id)).toBeUndefined();
  });

  describe('listRunningBetween', () => {
    it('returns the sessions running in the range by start time, then name', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const { running } = await buildSessionsAroundWeek(org.id);
      await buildSession(db, other.id, { startsOn: '2027-01-05' });

      expect(await sessionRepository.listRunningBetween(db, org.id, week)).toEqual([
        running.endsTheDayAfterFrom,
        running.startsTheDayBeforeTo,
        running.openEnded,
      ]);
    });

    it('narrows by the filter', async () => {
      const org = await buildOrganization(db);
      const location = await buildLocation(db, org.id);
      const here = await buildSession(db, org.id, { locationId: location.id });
      await buildSession(db, org.id);
      await buildSession(db, org.id, { locationId: location.id, endsOn: '2027-01-20' });

      expect(await sessionRepository.listRunningBetween(db, org.id, week, { locationId: location.id })).toEqual([here]);
    });
  });

  describe('listRunningBetweenWithNames', () => {
    it('returns the running sessions’ calendar columns with their service, instructor and location names', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const { running } = await buildSessionsAroundWeek(org.id);
      const service = await buildService(db, org.id, { name: 'Adult Lessons' });
      const instructor = await buildInstructor(db, org.id, { name: 'Alex' });
      const location = await buildLocation(db, org.id, { name: 'East Pool' });
      const named = await buildSession(db, org.id, {
        name: 'Adults',
        serviceId: service.id,
        instructorId: instructor.id,
        locationId: location.id,
        startTime: '06:30:00',
      });
      await buildSession(db, other.id, { startsOn: '2027-01-05' });

      const rows = await sessionRepository.listRunningBetweenWithNames(db, org.id, week);
      expect(rows.map((row) => row.session.id)).toEqual([named.id, running.endsTheDayAfterFrom.id, running.startsTheDayBeforeTo.id, running.openEnded.id]);
      expect(rows[0]).toEqual({
        session: {
          id: named.id,
          name: 'Adults',
          serviceId: service.id,
          instructorId: instructor.id,
          locationId: location.id,
          capacity: named.capacity,
          weekdays: named.weekdays,
          startTime: '06:30:00',
          durationMinutes: named.durationMinutes,
          startsOn: named.startsOn,
          endsOn: null,
        },
        serviceName: 'Adult Lessons',
        instructorName: 'Alex',
        locationName: 'East Pool',
      });

      const filtered = await sessionRepository.listRunningBetweenWithNames(db, org.id, week, { instructorId: instructor.id });
      expect(filtered.map((row) => row.session.id)).toEqual([named.id]);
    });
  });

  describe('exceptionsFor', () => {
    it('returns [] for no sessions', async () => {
      const org = await buildOrganization(db);
      expect(await sessionRepository.exceptionsFor(db, org.id, [])).toEqual([]);
      expect(await sessionRepository.exceptionsFor(db, org.id, [], week)).toEqual([]);
    });

    it('returns the sessions’ exceptions; with a range, those dated in it or moved onto a date in it', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const a = await buildSession(db, org.id);
      const b = await buildSession(db, org.id);
      const notAsked = await buildSession(db, org.id);
      const add = (sessionId: string, date: string, moveTo?: string) =>
        sessionRepository.upsertException(db, {
          organizationId: org.id,
          sessionId,
          date,
          kind: moveTo ? 'moved' : 'cancelled',
          toDate: moveTo ?? null,
        });
      const onFrom = await add(a.id, '2027-02-01');
      const inside = await add(a.id, '2027-02-02');
      const movedIn = await add(a.id, '2027-01-26', '2027-02-04');
      const movedOut = await add(b.id, '2027-02-02', '2027-03-02');
      const before = await add(a.id, '2027-01-12');
      const onTo = await add(a.id, '2027-02-08');
      const movedOntoTo = await add(b.id, '2027-01-26', '2027-02-08');
      const later = await add(b.id, '2027-03-09', '2027-03-10');
      await add(notAsked.id, '2027-02-02');

      expect(sortExceptions(await sessionRepository.exceptionsFor(db, org.id, [a.id, b.id], week))).toEqual(
        sortExceptions([onFrom, inside, movedIn, movedOut]),
      );
      expect(sortExceptions(await sessionRepository.exceptionsFor(db, org.id, [a.id, b.id]))).toEqual(
        sortExceptions([onFrom, inside, movedIn, movedOut, before, onTo, movedOntoTo, later]),
      );
      expect(await sessionRepository.exceptionsFor(db, other.id, [a.id, b.id])).toEqual([]);
    });
  });

  describe('exceptionsOfSessionsRunningIn', () => {
    it('returns the exceptions that matter to the range, of the organization’s sessions running in it', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const running = await buildSession(db, org.id, { startsOn: '2027-01-05' });
      const ended = await buildSession(db, org.id, { startsOn: '2027-01-05', endsOn: '2027-01-27' });
      const theirs = await buildSession(db, other.id, { startsOn: '2027-01-05' });
      const add = (organizationId: string, sessionId: string, date: string, moveTo?: string) =>
        sessionRepository.upsertException(db, { organizationId, sessionId, date, kind: moveTo ? 'moved' : 'cancelled', toDate: moveTo ?? null });
      const cancelled = await add(org.id, running.id, '2027-02-02');
      const movedIn = await add(org.id, running.id, '2027-01-26', '2027-02-03');
      await add(org.id, running.id, '2027-01-19');
      await add(org.id, running.id, '2027-02-09');
      // The ended session's last date moved into the week: the session does not run in it.
      await add(org.id, ended.id, '2027-01-26', '2027-02-03');
      await add(other.id, theirs.id, '2027-02-02');

      expect(sortExceptions(await sessionRepository.exceptionsOfSessionsRunningIn(db, org.id, week))).toEqual(sortExceptions([cancelled, movedIn]));
    });
  });

  describe('upsertException', () => {
    it('adds an exception, and replaces the one of the same date (clearing what the new kind does not have)', async () => {
      const org = await buildOrganization(db);
      const session = await buildSession(db, org.id);
      const key = { organizationId: org.id, sessionId: session.id, date: '2027-01-12' };

      const cancelled = await sessionRepository.upsertException(db, { ...key, kind: 'cancelled', reason: 'Pool closed' });
      expect(cancelled).toEqual({ ...key, kind: 'cancelled', toDate: null, toStartTime: null, reason: 'Pool closed' });

      const moved = await sessionRepository.upsertException(db, { ...key, kind: 'moved', toDate: '2027-01-13', toStartTime: '17:00:00' });
      expect(moved).toEqual({ ...key, kind: 'moved', toDate: '2027-01-13', toStartTime: '17:00:00', reason: null });

      const cancelledAgain = await sessionRepository.upsertException(db, { ...key, kind: 'cancelled' });
      expect(cancelledAgain).toEqual({ ...key, kind: 'cancelled', toDate: null, toStartTime: null, reason: null });
      expect(await sessionRepository.exceptionsFor(db, org.id, [session.id])).toEqual([cancelledAgain]);
    });
  });
});
