import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { attendanceRepository } from '../../../db/repositories/attendance-repository.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import { locationRepository } from '../../../db/repositories/location-repository.js';
import { serviceRepository } from '../../../db/repositories/service-repository.js';
import { sessionRepository, type SessionRow } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { AppError } from '../../../domain/errors.js';
import { writeDate, writeDates } from '../../../domain/formatting/intl-formats.js';
import { listSessionDates, realSessionDates, type SessionSchedule } from '../../../domain/schedule/session-dates.js';
import { sessionsPerMonth } from '../../../domain/schedule/sessions-per-month.js';
import { enrolledCountByDate } from '../../../domain/subscriptions/roster.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { ResourceService } from '../catalog/resource-service.js';
import type {
  CreateSessionInput,
  SessionDateExceptionInput,
  SessionDto,
  UpdateSessionInput,
} from '../../../contracts/sessions.js';
import { assertReferencesExist } from '../catalog/resource-service.js';
import { periodOf } from '../schedule/session-dates-with-enrollment.js';
import { loadSessionSchedules, toSessionSchedule } from './session-schedule.js';

const NEXT_DATES_SHOWN = 4;

const references = [
  { field: 'serviceId', noun: 'service', repository: serviceRepository },
  { field: 'instructorId', noun: 'instructor', repository: instructorRepository },
  { field: 'locationId', noun: 'location', repository: locationRepository },
];

function toDto(session: SessionRow, schedule: SessionSchedule, today: Temporal.PlainDate): SessionDto {
  const nextDates = realSessionDates({ ...schedule, from: today, to: today.add({ days: 7 * NEXT_DATES_SHOWN + 7 }) });
  return {
    id: session.id,
    serviceId: session.serviceId,
    name: session.name,
    weekdays: session.weekdays,
    startTime: session.startTime.slice(0, 5),
    durationMinutes: session.durationMinutes,
    startsOn: session.startsOn,
    endsOn: session.endsOn,
    capacity: session.capacity,
    instructorId: session.instructorId,
    locationId: session.locationId,
    paymentPlan: session.paymentPlan,
    price: session.price,
    sessionsThisMonth: sessionsPerMonth({ ...schedule, month: Temporal.PlainYearMonth.from(today) }),
    nextDates: nextDates.slice(0, NEXT_DATES_SHOWN).map(String),
  };
}

async function toDtos(db: Database, organization: OrganizationContext, rows: SessionRow[]) {
  const schedules = await loadSessionSchedules(db, organization, rows);
  const today = organization.today;
  return rows.map((row) => toDto(row, schedules.get(row.id)!, today));
}

export async function findSession(db: Database, organization: OrganizationContext, id: string, lock = false) {
  const find = lock ? sessionRepository.findByIdForUpdate : sessionRepository.findById;
  const session = await find(db, organization.id, id);
  if (!session) throw new AppError('NOT_FOUND', 'No session has this id in your organization.');
  return session;
}

/**
 * Capacity may not drop below the clients already enrolled on a coming date: the
 * business would have promised seats it no longer has.
 */
async function assertCapacityFitsEnrolled(db: Database, organization: OrganizationContext, session: SessionRow) {
  const today = organization.today;
  const subscriptions = await subscriptionRepository.activeForSessions(db, organization.id, [session.id], {
    from: today.toString(),
    to: null,
  });
  if (subscriptions.length <= session.capacity) return;
  const [schedule] = (await loadSessionSchedules(db, organization, [session])).values();
  const periods = subscriptions.map(periodOf);
  const lastStart = periods.reduce((max, p) => (Temporal.PlainDate.compare(p.startsOn, max) > 0 ? p.startsOn : max), today);
  const dates = realSessionDates({ ...schedule!, from: today, to: lastStart.add({ days: 8 }) });
  const counts = enrolledCountByDate({ dates, periods });
  const crowded = [...counts.entries()].filter(([, count]) => count > session.capacity);
  if (crowded.length > 0) {
    const [date, count] = crowded[0]!;
    throw new AppError(
      'CONFLICT',
      `${count} clients are enrolled on ${writeDate(date, organization.locale)}; set a capacity of at least ${count} or move clients first.`,
      { fields: [{ field: 'body.capacity', message: `at least ${count}` }] },
    );
  }
}

export const sessionService: ResourceService<SessionDto, CreateSessionInput, UpdateSessionInput, Record<string, string | undefined>> = {
  async create(db, organization, actor, input) {
    return db.transaction(async (tx) => {
      await assertReferencesExist(tx, organization.id, input, references);
      const service = (await serviceRepository.findById(tx, organization.id, input.serviceId))!;
      const row = await sessionRepository.insert(tx, organization.id, {
        ...input,
        paymentPlan: input.paymentPlan ?? service.defaultPaymentPlan,
        price: input.price ?? service.defaultPrice,
      });
      const [dto] = await toDtos(tx, organization, [row]);
      await auditRepository.record(tx, { organizationId: organization.id, actor, action: 'session.created', entityType: 'session', entityId: row.id, after: dto });
      return dto!;
    });
  },

  async get(db, organization, id) {
    const row = await sessionRepository.findById(db, organization.id, id);
    return row && (await toDtos(db, organization, [row]))[0];
  },

  async update(db, organization, actor, id, input) {
    return db.transaction(async (tx) => {
      const current = await sessionRepository.findByIdForUpdate(tx, organization.id, id);
      if (!current) return undefined;
      await assertReferencesExist(tx, organization.id, input, references);
      const merged = { ...current, ...input };
      if (merged.endsOn !== null && merged.endsOn <= merged.startsOn) {
        throw new AppError('VALIDATION_FAILED', 'The end date must be after the start date.', {
          fields: [{ field: 'body.endsOn', message: 'must be after the start date' }],
        });
      }
      const row = (await sessionRepository.update(tx, organization.id, id, input))!;
      if (row.capacity < current.capacity) await assertCapacityFitsEnrolled(tx, organization, row);
      const [before, dto] = await toDtos(tx, organization, [current, row]);
      await auditRepository.record(tx, { organizationId: organization.id, actor, action: 'session.updated', entityType: 'session', entityId: id, before, after: dto });
      return dto;
    });
  },

  async list(db, organization, query) {
    const { limit, offset, serviceId, instructorId, locationId } = query;
    const page = await sessionRepository.list(db, organization.id, { limit, offset }, { serviceId, instructorId, locationId });
    return { ...page, items: await toDtos(db, organization, page.items) };
  },
};

/** Cancels or moves one scheduled date of a session (a holiday, a pool closure). */
export async function changeSessionDate(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  sessionId: string,
  input: SessionDateExceptionInput,
) {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, organization, sessionId, true);
    const schedule = toSessionSchedule(session, [], organization.timeZone);
    const date = Temporal.PlainDate.from(input.date);
    const scheduled = listSessionDates({ ...schedule, from: date, to: date.add({ days: 1 }) });
    if (scheduled.length === 0) {
      throw new AppError('NOT_A_SESSION_DATE', `${writeDate(date, organization.locale)} is not a scheduled date of ${session.name}; pick one of its dates.`, {
        fields: [{ field: 'body.date', message: 'not a scheduled date of this session' }],
      });
    }
    await assertNoAttendanceOn(tx, organization, session, date);
    const row = await sessionRepository.upsertException(tx, {
      organizationId: organization.id,
      sessionId,
      date: input.date,
      kind: input.kind,
      toDate: input.toDate,
      toStartTime: input.toStartTime,
      reason: input.reason,
    });
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: `session_date.${input.kind}`,
      entityType: 'session',
      entityId: sessionId,
      after: row,
    });
    return { sessionId, date: row.date, kind: row.kind, toDate: row.toDate, toStartTime: row.toStartTime?.slice(0, 5) ?? null, reason: row.reason };
  });
}


/**
 * Cancelling or moving a date takes its clients off it: refused once attendance is recorded
 * on it (or on the date it was already moved to), for everyone (DESIGN.md "Time and roles").
 */
async function assertNoAttendanceOn(tx: Database, organization: OrganizationContext, session: SessionRow, date: Temporal.PlainDate) {
  const [existing] = await sessionRepository.exceptionsFor(tx, organization.id, [session.id], {
    from: date.toString(),
    to: date.add({ days: 1 }).toString(),
  });
  const held = [date.toString(), ...(existing?.date === date.toString() && existing.toDate ? [existing.toDate] : [])];
  const attended = await attendanceRepository.datesRecordedForSession(tx, organization.id, session.id, held);
  if (attended.length === 0) return;
  throw new AppError(
    'ATTENDANCE_RECORDED',
    `Attendance is recorded in ${session.name} on ${writeDates(attended, organization.locale)}; that date can no longer be cancelled or moved.`,
    { fields: [{ field: 'body.date', message: 'attendance is recorded' }], attendedDates: attended },
  );
}
