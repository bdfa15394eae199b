import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import { locationRepository } from '../../../db/repositories/location-repository.js';
import { serviceRepository } from '../../../db/repositories/service-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { AppError } from '../../../domain/errors.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { sessionDatesWithEnrollment } from '../schedule/session-dates-with-enrollment.js';

const WINDOW_DAYS = 56;
const NEXT_DATES_SHOWN = 6;
const ALL = { limit: 10_000, offset: 0 };

/**
 * The sessions a client could move to from a transfer date: time, instructor, place,
 * price, the default first date and free seats on the coming dates.
 */
export async function listTransferTargets(db: Database, organization: OrganizationContext, subscriptionId: string, isoDate: string) {
  const subscription = await subscriptionRepository.findById(db, organization.id, subscriptionId);
  if (!subscription) throw new AppError('NOT_FOUND', 'No enrollment has this id in your organization.');
  const from = Temporal.PlainDate.from(isoDate);
  const to = from.add({ days: WINDOW_DAYS });
  const [running, services, instructors, locations] = await Promise.all([
    sessionRepository.listRunningBetween(db, organization.id, { from: isoDate, to: to.toString() }),
    serviceRepository.list(db, organization.id, ALL),
    instructorRepository.list(db, organization.id, ALL),
    locationRepository.list(db, organization.id, ALL),
  ]);
  const candidates = running.filter((s) => s.id !== subscription.sessionId);
  const nameOf = (page: { items: { id: string; name: string }[] }) => new Map(page.items.map((i) => [i.id, i.name]));
  const [serviceNames, instructorNames, locationNames] = [nameOf(services), nameOf(instructors), nameOf(locations)];
  const dates = await sessionDatesWithEnrollment(db, organization, candidates, { from, to });

  const targets = candidates.map((session) => {
    const own = dates.filter((d) => d.session.id === session.id);
    const real = own.filter((d) => d.sessionDate.status !== 'cancelled');
    const first = real[0];
    return {
      sessionId: session.id,
      sessionName: session.name,
      serviceId: session.serviceId,
      serviceName: serviceNames.get(session.serviceId) ?? '',
      weekdays: session.weekdays,
      startTime: session.startTime.slice(0, 5),
      durationMinutes: session.durationMinutes,
      instructorName: instructorNames.get(session.instructorId) ?? '',
      locationName: locationNames.get(session.locationId) ?? '',
      paymentPlan: session.paymentPlan,
      price: session.price,
      capacity: session.capacity,
      firstSessionDate: first?.sessionDate.date.toString() ?? null,
      nextDates: own.slice(0, NEXT_DATES_SHOWN).map((d) => ({
        date: d.sessionDate.date.toString(),
        status: d.sessionDate.status,
        freeSeats: d.sessionDate.status === 'cancelled' ? 0 : Math.max(0, session.capacity - d.enrolled),
      })),
      freeSeats: first ? Math.max(0, session.capacity - first.enrolled) : 0,
      full: real.some((d) => d.enrolled >= session.capacity),
    };
  });
  targets.sort((a, b) => a.serviceName.localeCompare(b.serviceName) || a.weekdays[0]! - b.weekdays[0]! || a.startTime.localeCompare(b.startTime));
  return { subscriptionId, transferDate: isoDate, currentSessionId: subscription.sessionId, targets };
}
