import type { Temporal } from 'temporal-polyfill';
import { firstRealSessionDateOnOrAfter } from '../../domain/schedule/session-dates.js';
import type { DemoPlan } from './demo-plan-types.js';
import { deterministicId } from './deterministic.js';
import { sessionScheduleOf } from '../repositories/session-schedule-mapper.js';

const TIME_ZONE = 'Europe/London';

const FAMILIES = [
  { name: 'Ashworth', guardian: 'Eleanor Ashworth', children: ['Poppy', 'Alfie'] },
  { name: 'Brennan', guardian: 'Siobhan Brennan', children: ['Freya'] },
  { name: 'Choudhury', guardian: 'Nadia Choudhury', children: ['Zara', 'Imran'] },
  { name: 'Davies', guardian: 'Gareth Davies', children: ['Rhys'] },
];

/**
 * A second, small tenant in another time zone and currency. It exists so isolation tests
 * can show that nothing of Riverside's leaks into it and the other way round.
 */
export function planLakeside(plan: DemoPlan, o: { organizationId: string; today: Temporal.PlainDate }): void {
  const { organizationId, today } = o;
  const id = (key: string) => deterministicId(`demo:lakeside:${key}`);
  const startsOn = today.with({ day: 1 }).subtract({ months: 2 });

  plan.organizations.push({
    id: organizationId,
    name: 'Lakeside Gymnastics',
    timeZone: TIME_ZONE,
    currency: 'GBP',
    locale: 'en-GB',
  });
  plan.locations.push({
    organizationId,
    id: id('location:0'),
    name: 'Lakeside Leisure Centre',
    address: '2 Quay Street, Lakeside',
  });
  plan.instructors.push({
    organizationId,
    id: id('instructor:0'),
    name: 'Harriet Clarke',
    email: 'harriet.clarke@lakeside-gym.example.co.uk',
  });
  plan.services.push({
    organizationId,
    id: id('service:0'),
    name: 'Recreational Gymnastics',
    description: 'Weekly classes for all abilities.',
    defaultPaymentPlan: 'monthly',
    defaultPrice: 4500,
  });
  const sessions = [
    { name: 'Tumble Tots Mon', weekday: 1, startTime: '16:00:00', durationMinutes: 45, capacity: 10 },
    { name: 'Junior Gymnastics Wed', weekday: 3, startTime: '17:00:00', durationMinutes: 60, capacity: 12 },
  ].map(({ weekday, ...session }, index) => {
    const row = {
      organizationId,
      id: id(`session:${index}`),
      serviceId: id('service:0'),
      ...session,
      weekdays: [weekday],
      startsOn: startsOn.toString(),
      endsOn: null,
      instructorId: id('instructor:0'),
      locationId: id('location:0'),
      paymentPlan: 'monthly' as const,
      price: 4500,
    };
    plan.sessions.push(row);
    return row;
  });

  let clientNumber = 0;
  FAMILIES.forEach((family, familyIndex) => {
    const familyId = id(`family:${familyIndex}`);
    plan.families.push({ organizationId, id: familyId, name: family.name });
    plan.guardians.push({
      organizationId,
      id: id(`guardian:${familyIndex}`),
      familyId,
      name: family.guardian,
      email: `${family.guardian.toLowerCase().replace(' ', '.')}@example.co.uk`,
      // 07700 900xxx is Ofcom's range for fiction.
      phone: `07700 900${String(100 + familyIndex).padStart(3, '0')}`,
    });
    family.children.forEach((firstName) => {
      const n = clientNumber++;
      const clientId = id(`client:${n}`);
      plan.clients.push({
        organizationId,
        id: clientId,
        familyId,
        firstName,
        lastName: family.name,
        birthDate: today.subtract({ years: 5 + n, days: 40 * n }).toString(),
        notes: '',
      });
      // Alternate between the two sessions; six children never fill ten or twelve seats.
      const session = sessions[n % 2]!;
      const schedule = sessionScheduleOf({ session, exceptions: [], timeZone: TIME_ZONE });
      const first = firstRealSessionDateOnOrAfter({ ...schedule, date: startsOn })!;
      plan.subscriptions.push({
        organizationId,
        id: id(`subscription:${n}`),
        clientId,
        sessionId: session.id,
        startsOn: first.toString(),
        endsOn: null,
        status: 'active',
        paymentPlan: session.paymentPlan,
        priceSnapshot: session.price,
      });
    });
  });
}
