import { Temporal } from 'temporal-polyfill';
import { firstRealSessionDateOnOrAfter, type SessionSchedule } from '../../domain/schedule/session-dates.js';
import { isRecurrenceDate } from '../../domain/schedule/session-recurrence.js';
import {
  PATEL_FAMILY,
  RIVERSIDE_INSTRUCTORS,
  RIVERSIDE_LOCATIONS,
  RIVERSIDE_SERVICES,
  RIVERSIDE_SESSIONS,
  type ServiceKey,
} from './demo-catalog.js';
import { planEnrollments, type EnrollableSession } from './demo-enrollments.js';
import { planLakeside } from './demo-lakeside.js';
import { holidayName } from './demo-names.js';
import { planRiversidePeople } from './demo-people.js';
import { emptyPlan, type DemoPlan } from './demo-plan-types.js';
import { createRandom, deterministicId } from './deterministic.js';
import { sessionScheduleOf } from '../repositories/session-schedule-mapper.js';

export type { DemoPlan } from './demo-plan-types.js';

export const DEMO_ORGANIZATION_ID = deterministicId('demo:riverside');
export const DEMO_SECOND_ORGANIZATION_ID = deterministicId('demo:lakeside');

const TIME_ZONE = 'America/New_York';
/** The holiday falls on a Monday: Tuesdays and Thursdays stay whole, so the worked example E1 holds on the demo data. */
const HOLIDAY_WEEKDAY = 1;

/**
 * What the demo inserts, computed without touching the database: the same `today` always
 * gives the same plan (names, ids, dates, amounts), so tests can check the database against it.
 */
export function planDemo(o: { today: Temporal.PlainDate }): DemoPlan {
  const plan = emptyPlan();
  planRiverside(plan, o.today);
  planLakeside(plan, { organizationId: DEMO_SECOND_ORGANIZATION_ID, today: o.today });
  return plan;
}

function planRiverside(plan: DemoPlan, today: Temporal.PlainDate): void {
  const organizationId = DEMO_ORGANIZATION_ID;
  const id = (key: string) => deterministicId(`demo:riverside:${key}`);
  const monthStart = today.with({ day: 1 });

  plan.organizations.push({
    id: organizationId,
    name: 'Riverside Swim School',
    timeZone: TIME_ZONE,
    currency: 'USD',
    locale: 'en-US',
  });
  const locationIds = RIVERSIDE_LOCATIONS.map((location, index) => {
    plan.locations.push({ organizationId, id: id(`location:${index}`), ...location });
    return id(`location:${index}`);
  });
  const instructorIds = RIVERSIDE_INSTRUCTORS.map((instructor, index) => {
    plan.instructors.push({ organizationId, id: id(`instructor:${index}`), ...instructor });
    return id(`instructor:${index}`);
  });
  const serviceIds = {} as Record<ServiceKey, string>;
  for (const key of Object.keys(RIVERSIDE_SERVICES) as ServiceKey[]) {
    serviceIds[key] = id(`service:${key}`);
    plan.services.push({ organizationId, id: serviceIds[key], ...RIVERSIDE_SERVICES[key] });
  }

  // Open-ended sessions began on the first of the month four months ago; terms are placed by month.
  const sessions = RIVERSIDE_SESSIONS.map((spec, index) => {
    const startsOn = spec.term ? monthStart.add({ months: spec.term.fromMonth }) : monthStart.subtract({ months: 4 });
    const row = {
      organizationId,
      id: id(`session:${index}`),
      serviceId: serviceIds[spec.service],
      name: spec.name,
      weekdays: [spec.weekday],
      startTime: `${spec.startTime}:00`,
      durationMinutes: spec.durationMinutes,
      startsOn: startsOn.toString(),
      endsOn: spec.term ? startsOn.add({ months: spec.term.months }).toString() : null,
      capacity: spec.capacity,
      instructorId: instructorIds[spec.instructor]!,
      locationId: locationIds[spec.location]!,
      paymentPlan: RIVERSIDE_SERVICES[spec.service].defaultPaymentPlan,
      price: spec.price,
    };
    plan.sessions.push(row);
    return { row, spec };
  });

  // One closure 7–13 days ahead, for every session meeting that day.
  const holiday = today.add({ days: 7 + ((HOLIDAY_WEEKDAY - today.add({ days: 7 }).dayOfWeek + 7) % 7) });
  for (const { row } of sessions) {
    const schedule = sessionScheduleOf({ session: row, exceptions: [], timeZone: TIME_ZONE });
    if (!isRecurrenceDate({ recurrence: schedule.recurrence, date: holiday })) continue;
    plan.sessionDateExceptions.push({
      organizationId,
      sessionId: row.id,
      date: holiday.toString(),
      kind: 'cancelled',
      reason: holidayName(holiday.month),
    });
  }
  const enrollable: EnrollableSession[] = sessions.map(({ row, spec }) => ({
    row,
    spec,
    schedule: sessionScheduleOf({
      session: row,
      exceptions: plan.sessionDateExceptions.filter((exception) => exception.sessionId === row.id),
      timeZone: TIME_ZONE,
    }),
  }));

  const { maya, others } = planRiversidePeople({
    plan,
    organizationId,
    today,
    random: createRandom('demo:riverside:people'),
  });

  // Maya has been in Beginners Tue since its first date two months back (2027-01-05 for today = 2027-03-10).
  const beginnersTue = enrollable.find(({ row }) => row.name === PATEL_FAMILY.sessionName)!;
  const mayaStartsOn = firstDate(beginnersTue.schedule, monthStart.subtract({ months: 2 }));
  planEnrollments({
    plan,
    organizationId,
    today,
    random: createRandom('demo:riverside:enrollments'),
    sessions: enrollable,
    clients: others,
    fixed: [{ client: maya, sessionId: beginnersTue.row.id, startsOn: mayaStartsOn }],
  });
  const mayaSubscription = plan.subscriptions.find((subscription) => subscription.clientId === maya.id)!;
  plan.scenario = { organizationId, subscriptionId: mayaSubscription.id };
}

function firstDate(schedule: SessionSchedule, date: Temporal.PlainDate): Temporal.PlainDate {
  const first = firstRealSessionDateOnOrAfter({ ...schedule, date });
  if (!first) throw new Error(`The demo session has no date on or after ${date.toString()}.`);
  return first;
}
