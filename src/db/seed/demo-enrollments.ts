import { Temporal } from 'temporal-polyfill';
import {
  firstRealSessionDateOnOrAfter,
  realSessionDates,
  type SessionSchedule,
} from '../../domain/schedule/session-dates.js';
import { fullDates } from '../../domain/subscriptions/capacity.js';
import { coveredDates, type SubscriptionPeriod } from '../../domain/subscriptions/coverage.js';
import { enrolledCountByDate } from '../../domain/subscriptions/roster.js';
import type { sessions } from '../schema/index.js';
import type { SessionSpec } from './demo-catalog.js';
import type { PlannedClient } from './demo-people.js';
import type { DemoPlan, Planned } from './demo-plan-types.js';
import { deterministicId, type Random } from './deterministic.js';

export interface EnrollableSession {
  row: Planned<typeof sessions>;
  spec: Pick<SessionSpec, 'weekday' | 'capacity' | 'enrolled' | 'ages'>;
  schedule: SessionSchedule;
}

interface SessionState extends EnrollableSession {
  /** Every real date from the session's start to a horizon past the last enrollment change. */
  dates: Temporal.PlainDate[];
  periods: SubscriptionPeriod[];
  clientIds: Set<string>;
}

interface ClientState {
  client: PlannedClient;
  age: number;
  /** Weekdays the client already swims on, so no one is booked twice on a day. */
  weekdays: Set<number>;
  count: number;
  rank: number;
}

/**
 * Fills each session to its `enrolled` count with ongoing subscriptions, then adds a few
 * subscriptions that ended before today. Every subscription starts and ends on a real
 * session date, and each is added only if no date it covers would exceed the capacity.
 */
export function planEnrollments(o: {
  plan: DemoPlan;
  organizationId: string;
  today: Temporal.PlainDate;
  random: Random;
  sessions: EnrollableSession[];
  clients: PlannedClient[];
  /** Pre-decided enrollments (the scenario's), placed before anything is drawn. */
  fixed: Array<{ client: PlannedClient; sessionId: string; startsOn: Temporal.PlainDate }>;
}): void {
  const { plan, organizationId, today, random } = o;
  let sequence = 0;
  const states = o.sessions.map((session): SessionState => {
    const startsOn = Temporal.PlainDate.from(session.row.startsOn);
    const horizon = (Temporal.PlainDate.compare(startsOn, today) > 0 ? startsOn : today).add({ weeks: 12 });
    return {
      ...session,
      dates: realSessionDates({ ...session.schedule, from: startsOn, to: horizon }),
      periods: [],
      clientIds: new Set(),
    };
  });
  const ranks = random.shuffle(o.clients.map((_, index) => index));
  const clients = o.clients.map(
    (client, index): ClientState => ({
      client,
      age: Temporal.PlainDate.from(client.birthDate!).until(today, { largestUnit: 'years' }).years,
      weekdays: new Set(),
      count: 0,
      rank: ranks[index]!,
    }),
  );

  const enroll = (state: SessionState, client: PlannedClient, period: SubscriptionPeriod) => {
    state.periods.push(period);
    state.clientIds.add(client.id);
    plan.subscriptions.push({
      organizationId,
      id: deterministicId(`demo:riverside:subscription:${sequence++}`),
      clientId: client.id,
      sessionId: state.row.id,
      startsOn: period.startsOn.toString(),
      endsOn: period.endsOn?.toString() ?? null,
      status: 'active',
      paymentPlan: state.row.paymentPlan,
      priceSnapshot: state.row.price,
    });
  };

  for (const fixed of o.fixed) {
    const state = states.find((s) => s.row.id === fixed.sessionId)!;
    enroll(state, fixed.client, { startsOn: fixed.startsOn, endsOn: null });
  }

  // Narrow age bands first, so the youngest sessions still find children of their age.
  const byAgeBand = [...states].sort((a, b) => a.spec.ages[1] - a.spec.ages[0] - (b.spec.ages[1] - b.spec.ages[0]));
  for (const state of byAgeBand) {
    const sessionStart = Temporal.PlainDate.from(state.row.startsOn);
    const latestCandidate = Temporal.PlainDate.compare(sessionStart, today) > 0 ? sessionStart : today;
    for (let attempt = 0; state.periods.length < state.spec.enrolled && attempt < 50; attempt++) {
      // Many joined when the session opened; the rest at some date since.
      const candidate = random.chance(0.4) ? sessionStart : randomDateBetween(random, sessionStart, latestCandidate);
      const startsOn = firstRealSessionDateOnOrAfter({ ...state.schedule, date: candidate });
      const client = chooseClient(clients, state);
      if (!startsOn || !client) continue;
      const period = { startsOn, endsOn: null };
      if (!fits(state, period)) continue;
      enroll(state, client.client, period);
      client.weekdays.add(state.spec.weekday);
      client.count += 1;
    }
  }

  // Former clients: a few subscriptions per session that ended on a real date before today.
  const endedBefore = today.subtract({ weeks: 6 });
  for (const state of states) {
    const sessionStart = Temporal.PlainDate.from(state.row.startsOn);
    if (Temporal.PlainDate.compare(sessionStart, endedBefore) >= 0) continue;
    const wanted = random.int(0, 2);
    for (let added = 0, attempt = 0; added < wanted && attempt < 10; attempt++) {
      const startsOn = firstRealSessionDateOnOrAfter({
        ...state.schedule,
        date: randomDateBetween(random, sessionStart, endedBefore),
      });
      if (!startsOn) continue;
      const endsOn = firstRealSessionDateOnOrAfter({ ...state.schedule, date: startsOn.add({ weeks: random.int(3, 10) }) });
      if (!endsOn || Temporal.PlainDate.compare(endsOn, today) >= 0) continue;
      const client = chooseClient(clients, state);
      const period = { startsOn, endsOn };
      if (!client || !fits(state, period)) continue;
      enroll(state, client.client, period);
      client.weekdays.add(state.spec.weekday);
      client.count += 1;
      added += 1;
    }
  }
}

/** The least-enrolled client of the right age, free that weekday and not already in the session. */
function chooseClient(clients: ClientState[], state: SessionState): ClientState | undefined {
  const [minAge, maxAge] = state.spec.ages;
  const free = clients.filter(
    (c) => !state.clientIds.has(c.client.id) && !c.weekdays.has(state.spec.weekday),
  );
  const ofAge = free.filter((c) => c.age >= minAge && c.age <= maxAge);
  // An age band with no one left still gets someone, rather than a silently emptier demo.
  const pool = ofAge.length > 0 ? ofAge : free;
  return pool.sort((a, b) => a.count - b.count || a.rank - b.rank)[0];
}

function fits(state: SessionState, period: SubscriptionPeriod): boolean {
  const dates = coveredDates({ period, dates: state.dates });
  const enrolledByDate = enrolledCountByDate({ dates, periods: state.periods });
  return fullDates({ capacity: state.spec.capacity, dates, enrolledByDate }).length === 0;
}

function randomDateBetween(random: Random, from: Temporal.PlainDate, to: Temporal.PlainDate): Temporal.PlainDate {
  const days = Math.max(0, from.until(to, { largestUnit: 'days' }).days);
  return from.add({ days: random.int(0, days) });
}
