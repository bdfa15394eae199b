import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import { locationRepository } from '../../../db/repositories/location-repository.js';
import { serviceRepository } from '../../../db/repositories/service-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { sessions } from '../../../db/schema/index.js';
import { AppError } from '../../../domain/errors.js';
import type { OrganizationContext } from '../../http/organization-scope.js';
import { MAX_SCHEDULE_DAYS, type ScheduleDto, type ScheduleQuery } from '../../routes/schedule/schedule.types.js';
import { sessionDatesWithEnrollment, toSessionDateDto } from './session-dates-with-enrollment.js';

const ALL = { limit: 10_000, offset: 0 };

/** The main schedule: every session date in a range with its enrolled count and capacity. */
export async function getSchedule(db: Database, organization: OrganizationContext, query: ScheduleQuery): Promise<ScheduleDto> {
  const from = Temporal.PlainDate.from(query.from);
  const to = Temporal.PlainDate.from(query.to);
  if (from.until(to).days > MAX_SCHEDULE_DAYS) {
    throw new AppError('INVALID_DATE_RANGE', `to: ask for at most ${MAX_SCHEDULE_DAYS} days at a time.`, {
      fields: [{ field: 'querystring.to', message: `at most ${MAX_SCHEDULE_DAYS} days after from` }],
    });
  }
  const filter = and(
    query.locationId ? eq(sessions.locationId, query.locationId) : undefined,
    query.instructorId ? eq(sessions.instructorId, query.instructorId) : undefined,
    query.serviceId ? eq(sessions.serviceId, query.serviceId) : undefined,
  );
  const [running, services, instructors, locations] = await Promise.all([
    sessionRepository.listRunningBetween(db, organization.id, { from: query.from, to: query.to }, filter),
    serviceRepository.list(db, organization.id, ALL),
    instructorRepository.list(db, organization.id, ALL),
    locationRepository.list(db, organization.id, ALL),
  ]);
  const nameOf = (page: { items: { id: string; name: string }[] }) => new Map(page.items.map((i) => [i.id, i.name]));
  const [serviceNames, instructorNames, locationNames] = [nameOf(services), nameOf(instructors), nameOf(locations)];

  const dates = await sessionDatesWithEnrollment(db, organization, running, { from, to });
  const entries = dates
    .filter(({ sessionDate }) => Temporal.PlainDate.compare(sessionDate.date, from) >= 0 && Temporal.PlainDate.compare(sessionDate.date, to) < 0)
    .sort((a, b) => Temporal.ZonedDateTime.compare(a.sessionDate.startsAt, b.sessionDate.startsAt) || a.session.name.localeCompare(b.session.name))
    .map((entry) => {
      const { session } = entry;
      const dto = toSessionDateDto(entry);
      return {
        ...dto,
        sessionId: session.id,
        sessionName: session.name,
        serviceId: session.serviceId,
        serviceName: serviceNames.get(session.serviceId) ?? '',
        instructorId: session.instructorId,
        instructorName: instructorNames.get(session.instructorId) ?? '',
        locationId: session.locationId,
        locationName: locationNames.get(session.locationId) ?? '',
        full: dto.status !== 'cancelled' && dto.enrolled >= dto.capacity,
      };
    });
  return { from: query.from, to: query.to, timeZone: organization.timeZone, entries };
}
