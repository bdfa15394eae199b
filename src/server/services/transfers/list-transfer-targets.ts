import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import { locationRepository } from '../../../db/repositories/location-repository.js';
import { serviceRepository } from '../../../db/repositories/service-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { attendanceRepository } from '../../../db/repositories/attendance-repository.js';
import { transferRepository } from '../../../db/repositories/transfer-repository.js';
import type { SessionRow } from '../../../db/repositories/session-repository.js';
import { assertKeepsAttendedDates } from '../../../domain/subscriptions/attended-dates.js';
import { assertMayReachBack, reachesBack } from '../../../domain/time/the-past.js';
import { assertTransferableOn } from '../../../domain/transfers/plan-transfer.js';
import { periodOf } from '../schedule/session-dates-with-enrollment.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';
import { AppError } from '../../../domain/errors.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { sessionDatesWithEnrollment } from '../schedule/session-dates-with-enrollment.js';

const WINDOW_DAYS = 56;
const NEXT_DATES_SHOWN = 6;
const ALL = { limit: 10_000, offset: 0 };

/**
 * The sessions a client could move to from a transfer date: time, instructor, place,
 * price, the default first date and free seats on the coming dates.
 */
export async function listTransferTargets(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  subscriptionId: string,
  isoDate: string,
) {
  const current = await subscriptionRepository.findWithSessionAndFamily(db, organization.id, subscriptionId, { lock: false });
  if (!current) throw new AppError('NOT_FOUND', 'No enrollment has this id in your organization.');
  const { subscription } = current;
  const from = Temporal.PlainDate.from(isoDate);
  await assertTransferableFrom(db, organization, actor, { ...current, date: from });
  const targets = await loadTransferTargets(db, organization, { currentSessionId: subscription.sessionId, from });
  return { subscriptionId, transferDate: isoDate, currentSessionId: subscription.sessionId, targets };
}

/**
 * Every other session running in the coming weeks from `from`, with its default first date and
 * the free seats on its next dates, by service, weekday and time (staff's list, and the family
 * portal's, which shows a parent less of it).
 */
export async function loadTransferTargets(db: Database, organization: OrganizationContext, o: { currentSessionId: string; from: Temporal.PlainDate }) {
  const { from } = o;
  const isoDate = from.toString();
  const to = from.add({ days: WINDOW_DAYS });
  const [running, services, instructors, locations] = await Promise.all([
    sessionRepository.listRunningBetween(db, organization.id, { from: isoDate, to: to.toString() }),
    serviceRepository.list(db, organization.id, ALL),
    instructorRepository.list(db, organization.id, ALL),
    locationRepository.list(db, organization.id, ALL),
  ]);
  const candidates = running.filter((s) => s.id !== o.currentSessionId);
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
  return targets;
}

/**
 * The date is one a transfer would accept (the same rules as the transfer, with its default
 * old end): the enrollment is not ended by a transfer, the client is on its roster that day,
 * no attendance is recorded from it on, and it is not before today unless a manager asks.
 */
async function assertTransferableFrom(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  o: { subscription: SubscriptionRow; session: SessionRow; date: Temporal.PlainDate },
) {
  const { locale, today } = organization;
  const schedule = (await loadSessionSchedules(db, organization, [o.session])).get(o.session.id)!;
  const endedBy = await transferRepository.findCompletedFrom(db, organization.id, o.subscription.id);
  const attended = (await attendanceRepository.datesRecordedFor(db, organization.id, o.subscription.id)).map((d) => Temporal.PlainDate.from(d));
  assertTransferableOn({
    current: {
      subscriptionId: o.subscription.id,
      session: { id: o.session.id, name: o.session.name, schedule, capacity: o.session.capacity, instructorName: '' },
      period: periodOf(o.subscription),
      status: o.subscription.status,
      attendedDates: attended,
      endedByTransfer: endedBy ? { transferDate: Temporal.PlainDate.from(endedBy.transferDate) } : null,
    },
    transferDate: o.date,
    locale,
    dateField: 'querystring.date',
  });
  assertKeepsAttendedDates({ attended, endsOn: o.date, sessionName: o.session.name, locale, field: 'querystring.date' });
  const reached = reachesBack({ dates: [{ date: o.date, field: 'querystring.date' }], today });
  assertMayReachBack({ actor, reached, today, locale, change: 'A transfer from this date' });
}
