import { Temporal } from 'temporal-polyfill';
import { sessionScheduleOf } from '../../../src/db/repositories/session-schedule-mapper.js';
import { ADULT_FIRST_NAMES, CHILD_FIRST_NAMES, FAMILY_NAMES, holidayName, monthName } from '../../../src/db/seed/demo-names.js';
import { createRandom, type Random } from '../../../src/db/seed/deterministic.js';
import { divideRounded } from '../../../src/domain/billing/money.js';
import { realSessionDates } from '../../../src/domain/schedule/session-dates.js';
import {
  dayOf,
  firstDayOfMonth,
  instantOn,
  isoOf,
  lowerBound,
  monthLabel,
  monthOf,
  plainDateOf,
  weekdayOf,
  type Day,
  type Month,
} from './days.js';
import { TableRows } from './tables.js';

/**
 * A large synthetic business, planned in memory, deterministically: the same options give
 * the same rows, ids included. Its *present* (the running sessions, their times and
 * capacities) depends only on the scale, so two organizations with different amounts of
 * history have the same current week; its *history* (retired sessions, past terms,
 * former clients, transfers, invoices and payments) grows with `historyYears`.
 *
 * Scale 1: 300 running weekly sessions (220 open-ended, 80 in the current term), about
 * 5,000 active clients, each open-ended seat a chain of enrollments, transfers between
 * sessions of one service, monthly / per-visit / full-session invoices with payments.
 * Session dates come from the domain (`realSessionDates`), money from `divideRounded`.
 */
export interface LargeOrganizationOptions {
  key: string;
  organizationId: string;
  name: string;
  scale: number;
  historyYears: number;
  today: Temporal.PlainDate;
  now: Date;
  timeZone: string;
}

export interface LargeOrganizationPlan {
  organization: { id: string; name: string; timeZone: string; currency: string; locale: string };
  tables: TableRows;
  stats: {
    runningSessions: number;
    sessions: number;
    activeClients: number;
    clients: number;
    activeSubscriptions: number;
    subscriptions: number;
    transfers: number;
    invoices: number;
  };
}

type ServiceKey = 'group' | 'team' | 'adult' | 'private' | 'clinic';
type PaymentPlan = 'monthly' | 'per_visit' | 'full_session';

const SERVICES: Record<ServiceKey, { name: string; description: string; plan: PaymentPlan; price: number }> = {
  group: { name: 'Group Swim Lessons', description: 'Small groups by level, once or twice a week.', plan: 'monthly', price: 8500 },
  team: { name: 'Swim Team', description: 'Competitive training.', plan: 'monthly', price: 12500 },
  adult: { name: 'Adult Fitness Swim', description: 'Coached lap swimming for adults.', plan: 'monthly', price: 6000 },
  private: { name: 'Private Lessons', description: 'One or two swimmers, paid per visit.', plan: 'per_visit', price: 5000 },
  clinic: { name: 'Stroke Clinics', description: 'Term-long clinics, paid for the whole term.', plan: 'full_session', price: 18000 },
};

const OPEN_SLOTS_PER_SCALE = 220;
const TERM_SLOTS_PER_SCALE = 80;
const LOCATIONS_PER_SCALE = 4;
const INSTRUCTORS_PER_SCALE = 30;
/** Mean stay in an open-ended session and mean vacancy after it: seats are about 72 % full. */
const MEAN_STAY_DAYS = 420;
const MEAN_VACANCY_DAYS = 165;
const TRANSFER_SHARE = 0.3;
const TWO_SESSION_CLIENT_SHARE = 0.05;

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LEVELS = ['Starfish', 'Seahorse', 'Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5', 'Level 6'];
const CLINICS = ['Freestyle Clinic', 'Backstroke Clinic', 'Breaststroke Clinic', 'Butterfly Clinic', 'Diving Basics', 'Water Polo Intro', 'Lifeguard Prep', 'Flip Turns'];
const SEASONS = ['Winter', 'Spring', 'Summer', 'Fall'];
const METHODS = ['cash', 'check', 'card', 'card', 'card'] as const;
const TRANSFER_REASONS = ['', '', 'Schedule change', 'Moved up a level', 'Closer location', 'Family request'];

interface SessionSpec {
  service: ServiceKey;
  name: string;
  weekdays: number[];
  startTime: string;
  durationMinutes: number;
  capacity: number;
  price: number;
  location: number;
  instructor: number;
}

interface PlannedSession extends SessionSpec {
  id: string;
  startsOn: Day;
  /** Exclusive; null = open-ended. */
  endsOn: Day | null;
  /** Real dates (cancelled excluded, moved ones at their new date), ascending. */
  dates: Day[];
  open: boolean;
}

interface Tenure {
  id: string;
  session: PlannedSession;
  start: Day;
  /** Exclusive end (the subscription's endsOn); null = ongoing. */
  end: Day | null;
  /** Where the seat's previous stay ended: a transfer may move this stay's start no earlier. */
  seatFreeFrom: Day;
  prev: Tenure | null;
  next: Tenure | null;
  /** Ended because its session was retired; the stay goes on in the successor session. */
  endsWithSession: boolean;
  continuation: boolean;
  viaTransfer: boolean;
  client: number;
}

const weekdayLabel = (weekdays: number[]) => weekdays.map((d) => WEEKDAY_NAMES[d - 1]).join('/');
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function openSlotSpec(slot: number, counts: { locations: number; instructors: number }): SessionSpec {
  const r = createRandom(`large-slot:${slot}`);
  const kind = slot % 11;
  const service: ServiceKey = kind < 8 ? 'group' : kind === 8 ? 'team' : kind === 9 ? 'adult' : 'private';
  const base = { location: r.int(0, counts.locations - 1), instructor: r.int(0, counts.instructors - 1) };
  const afterSchool = () => 15 * 60 + 30 * r.int(0, 9);
  const morning = () => 8 * 60 + 30 * r.int(0, 9);
  switch (service) {
    case 'group': {
      const weekdays = r.chance(0.2) ? r.pick([[1, 3], [2, 4]]) : [r.pick([1, 2, 3, 4, 5, 6, 6])];
      const start = weekdays[0] === 6 ? morning() : afterSchool();
      const level = r.pick(LEVELS);
      return { ...base, service, weekdays, startTime: hhmm(start), durationMinutes: 45, capacity: r.int(18, 30), price: 7500 + 500 * r.int(0, 4), name: `${level} ${weekdayLabel(weekdays)} ${hhmm(start)}` };
    }
    case 'team': {
      const weekdays = r.chance(0.5) ? [1, 3, 5] : [2, 4];
      const start = 17 * 60 + 60 * r.int(0, 2);
      return { ...base, service, weekdays, startTime: hhmm(start), durationMinutes: 90, capacity: r.int(30, 44), price: 12000 + 500 * r.int(0, 4), name: `Swim Team ${r.pick(['Bronze', 'Silver', 'Gold'])} ${weekdayLabel(weekdays)} ${hhmm(start)}` };
    }
    case 'adult': {
      const weekdays = [r.int(1, 7)];
      const start = r.pick([6 * 60, 7 * 60, 19 * 60, 20 * 60]);
      return { ...base, service, weekdays, startTime: hhmm(start), durationMinutes: 60, capacity: r.int(20, 28), price: 5500 + 500 * r.int(0, 2), name: `Adult Fitness ${weekdayLabel(weekdays)} ${hhmm(start)}` };
    }
    default: {
      const weekdays = [r.int(1, 6)];
      const start = weekdays[0] === 6 ? morning() : afterSchool();
      return { ...base, service, weekdays, startTime: hhmm(start), durationMinutes: 30, capacity: 2, price: 4500 + 500 * r.int(0, 2), name: `Private ${weekdayLabel(weekdays)} ${hhmm(start)}` };
    }
  }
}

function termSlotSpec(quarter: number, slot: number, counts: { locations: number; instructors: number }): SessionSpec {
  const r = createRandom(`large-term:${quarter}:${slot}`);
  const weekdays = [r.pick([1, 2, 3, 4, 5, 6, 6])];
  const start = weekdays[0] === 6 ? 8 * 60 + 30 * r.int(0, 9) : 15 * 60 + 30 * r.int(0, 9);
  const year = Math.floor(quarter / 4);
  return {
    service: 'clinic',
    name: `${SEASONS[quarter % 4]} ${year} ${r.pick(CLINICS)} ${weekdayLabel(weekdays)} ${hhmm(start)}`,
    weekdays,
    startTime: hhmm(start),
    durationMinutes: 60,
    capacity: r.int(18, 30),
    price: 15000 + 1000 * r.int(0, 6),
    location: r.int(0, counts.locations - 1),
    instructor: r.int(0, counts.instructors - 1),
  };
}

/** Closures every year: the sessions meeting on these dates are cancelled. */
function holidaysOf(year: number): Temporal.PlainDate[] {
  const nth = (month: number, weekday: number, n: number) => {
    const first = Temporal.PlainDate.from({ year, month, day: 1 });
    return first.add({ days: ((weekday - first.dayOfWeek + 7) % 7) + 7 * (n - 1) });
  };
  const lastMondayOfMay = (() => {
    const last = Temporal.PlainDate.from({ year, month: 5, day: 31 });
    return last.subtract({ days: (last.dayOfWeek - 1 + 7) % 7 });
  })();
  const thanksgiving = nth(11, 4, 4);
  return [
    Temporal.PlainDate.from({ year, month: 1, day: 1 }),
    lastMondayOfMay,
    Temporal.PlainDate.from({ year, month: 7, day: 4 }),
    nth(9, 1, 1),
    thanksgiving,
    thanksgiving.add({ days: 1 }),
    Temporal.PlainDate.from({ year, month: 12, day: 24 }),
    Temporal.PlainDate.from({ year, month: 12, day: 25 }),
    Temporal.PlainDate.from({ year, month: 12, day: 31 }),
  ];
}

function uuidStream(random: Random): () => string {
  return () => {
    let hex = '';
    for (let i = 0; i < 4; i++) hex += Math.floor(random.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

export function planLargeOrganization(o: LargeOrganizationOptions): LargeOrganizationPlan {
  const tables = new TableRows();
  const organizationId = o.organizationId;
  const newId = uuidStream(createRandom(`${o.key}:ids`));
  const history = createRandom(`${o.key}:history`);
  const today = dayOf(o.today);
  const nowMs = o.now.getTime();
  const historyStart = dayOf(o.today.subtract({ years: o.historyYears }));
  const horizon = today + 400;
  const counts = { locations: LOCATIONS_PER_SCALE * o.scale, instructors: INSTRUCTORS_PER_SCALE * o.scale };
  const at = (day: Day, hour: number, minute = 0) => {
    const iso = instantOn(day, hour, minute);
    return Date.parse(iso) > nowMs ? o.now.toISOString() : iso;
  };
  const exp = (mean: number) => Math.round(-mean * Math.log(1 - history.next()));

  // Catalog.
  const locationIds = Array.from({ length: counts.locations }, (_, i) => {
    const id = newId();
    tables.add('locations', { organization_id: organizationId, id, name: `Aquatic Center ${i + 1}`, address: `${100 + i * 10} Harbor Road` });
    return id;
  });
  const instructorIds = Array.from({ length: counts.instructors }, (_, i) => {
    const id = newId();
    const first = ADULT_FIRST_NAMES[i % ADULT_FIRST_NAMES.length]!;
    const last = FAMILY_NAMES[(i * 7) % FAMILY_NAMES.length]!;
    tables.add('instructors', { organization_id: organizationId, id, name: `${first} ${last}`, email: `coach${i + 1}@large-swim.example.com` });
    return id;
  });
  const serviceIds = {} as Record<ServiceKey, string>;
  for (const key of Object.keys(SERVICES) as ServiceKey[]) {
    serviceIds[key] = newId();
    const s = SERVICES[key];
    tables.add('services', {
      organization_id: organizationId,
      id: serviceIds[key],
      name: s.name,
      description: s.description,
      default_payment_plan: s.plan,
      default_price: s.price,
    });
  }

  // Closures over the whole history and the coming year.
  const holidays = new Map<Day, string>();
  for (let year = plainDateOf(historyStart).year; year <= o.today.year + 1; year++) {
    for (const date of holidaysOf(year)) holidays.set(dayOf(date), holidayName(date.month));
  }

  const sessions: PlannedSession[] = [];
  const addSession = (spec: SessionSpec, startsOn: Day, endsOn: Day | null, open: boolean): PlannedSession => {
    const id = newId();
    const spanEnd = endsOn ?? horizon;
    const exceptions: { date: Day; kind: 'cancelled' | 'moved'; toDate: Day | null; reason: string }[] = [];
    for (const [day, name] of holidays) {
      if (day >= startsOn && day < spanEnd && spec.weekdays.includes(weekdayOf(day))) {
        exceptions.push({ date: day, kind: 'cancelled', toDate: null, reason: name });
      }
    }
    if (open) {
      // About one moved date every three years, always in the past, so every organization's current week is alike.
      for (let from = startsOn; from < Math.min(spanEnd, today - 14); from += 365) {
        if (!history.chance(0.3)) continue;
        let day = from + history.int(0, 300);
        while (!spec.weekdays.includes(weekdayOf(day))) day++;
        if (day >= today - 14 || day >= spanEnd || holidays.has(day) || holidays.has(day + 1)) continue;
        exceptions.push({ date: day, kind: 'moved', toDate: day + 1, reason: 'Pool maintenance' });
      }
    }
    const schedule = sessionScheduleOf({
      session: { weekdays: spec.weekdays, startTime: `${spec.startTime}:00`, durationMinutes: spec.durationMinutes, startsOn: isoOf(startsOn), endsOn: endsOn === null ? null : isoOf(endsOn) },
      exceptions: exceptions.map((e) => ({ kind: e.kind, date: isoOf(e.date), toDate: e.toDate === null ? null : isoOf(e.toDate), reason: e.reason })),
      timeZone: o.timeZone,
    });
    const dates = realSessionDates({ ...schedule, from: plainDateOf(startsOn), to: plainDateOf(spanEnd) })
      .map((d) => dayOf(d))
      .sort((a, b) => a - b);
    const session: PlannedSession = { ...spec, id, startsOn, endsOn, dates, open };
    sessions.push(session);
    tables.add('sessions', {
      organization_id: organizationId,
      id,
      service_id: serviceIds[spec.service],
      name: spec.name,
      weekdays: `{${spec.weekdays.join(',')}}`,
      start_time: `${spec.startTime}:00`,
      duration_minutes: spec.durationMinutes,
      starts_on: isoOf(startsOn),
      ends_on: endsOn === null ? null : isoOf(endsOn),
      capacity: spec.capacity,
      instructor_id: instructorIds[spec.instructor]!,
      location_id: locationIds[spec.location]!,
      payment_plan: SERVICES[spec.service].plan,
      price: spec.price,
      created_at: at(startsOn - 30, 9),
    });
    for (const e of exceptions) {
      tables.add('session_date_exceptions', {
        organization_id: organizationId,
        session_id: id,
        date: isoOf(e.date),
        kind: e.kind,
        to_date: e.toDate === null ? null : isoOf(e.toDate),
        to_start_time: null,
        reason: e.reason,
      });
    }
    return session;
  };
  const firstOnOrAfter = (session: PlannedSession, day: Day): Day | undefined => session.dates[lowerBound(session.dates, day)];
  const datesBetween = (session: PlannedSession, from: Day, to: Day) => lowerBound(session.dates, to) - lowerBound(session.dates, from);

  const tenures: Tenure[] = [];
  const addTenure = (t: Omit<Tenure, 'id' | 'prev' | 'next' | 'client' | 'viaTransfer'>): Tenure => {
    const tenure: Tenure = { ...t, id: newId(), prev: null, next: null, viaTransfer: false, client: -1 };
    tenures.push(tenure);
    return tenure;
  };

  // Open-ended sessions: half run since the history began; the others replaced a
  // predecessor (same class, retired) whose clients carried on in the new session.
  for (let slot = 0; slot < OPEN_SLOTS_PER_SCALE * o.scale; slot++) {
    const spec = openSlotSpec(slot, counts);
    const sinceStart = history.chance(0.5);
    const currentStart = sinceStart ? historyStart : historyStart + 30 + history.int(0, Math.max(0, today - 120 - historyStart));
    const predecessor = sinceStart ? null : addSession({ ...spec, name: `${spec.name} (until ${isoOf(currentStart).slice(0, 7)})` }, historyStart, currentStart, true);
    const current = addSession(spec, currentStart, null, true);
    const locate = (day: Day): { session: PlannedSession; day: Day } | undefined => {
      if (predecessor && day < currentStart) {
        const found = firstOnOrAfter(predecessor, day);
        if (found !== undefined) return { session: predecessor, day: found };
        day = currentStart;
      }
      const found = firstOnOrAfter(current, day);
      return found === undefined ? undefined : { session: current, day: found };
    };
    for (let seat = 0; seat < spec.capacity; seat++) {
      let freeFrom = historyStart;
      let t = history.chance(0.72) ? historyStart : historyStart + exp(MEAN_VACANCY_DAYS);
      for (;;) {
        const start = locate(t);
        if (!start || start.day > today) break;
        const endAt = start.day + Math.max(28, exp(MEAN_STAY_DAYS));
        let endDay: Day | null = endAt > today ? null : (locate(endAt)?.day ?? null);
        if (endDay === null && endAt > today && history.chance(0.03)) endDay = firstOnOrAfter(current, today + history.int(7, 56)) ?? null;
        if (start.session === predecessor && (endDay === null || endDay >= currentStart)) {
          const before = addTenure({ session: predecessor, start: start.day, end: currentStart, seatFreeFrom: freeFrom, endsWithSession: true, continuation: false });
          const resumed = firstOnOrAfter(current, currentStart);
          if (resumed !== undefined && resumed <= today && (endDay === null || endDay > resumed)) {
            const after = addTenure({ session: current, start: resumed, end: endDay, seatFreeFrom: resumed, endsWithSession: false, continuation: true });
            before.next = after;
            after.prev = before;
          } else if (endDay === null) {
            break;
          }
        } else {
          addTenure({ session: start.session, start: start.day, end: endDay, seatFreeFrom: freeFrom, endsWithSession: false, continuation: false });
        }
        if (endDay === null || endDay > today) break;
        freeFrom = endDay;
        t = endDay + exp(MEAN_VACANCY_DAYS);
      }
    }
  }

  // Terms: calendar quarters, from the first one inside the history to the next one (enrolling now).
  const quarterOf = (date: Temporal.PlainDate) => date.year * 4 + Math.floor((date.month - 1) / 3);
  const quarterStart = (quarter: number) => dayOf(Temporal.PlainDate.from({ year: Math.floor(quarter / 4), month: (quarter % 4) * 3 + 1, day: 1 }));
  const currentQuarter = quarterOf(o.today);
  const firstQuarter = quarterStart(quarterOf(plainDateOf(historyStart))) >= historyStart ? quarterOf(plainDateOf(historyStart)) : quarterOf(plainDateOf(historyStart)) + 1;
  for (let quarter = firstQuarter; quarter <= currentQuarter + 1; quarter++) {
    for (let slot = 0; slot < TERM_SLOTS_PER_SCALE * o.scale; slot++) {
      const session = addSession(termSlotSpec(quarter, slot, counts), quarterStart(quarter), quarterStart(quarter + 1), false);
      const first = session.dates[0];
      if (first === undefined) continue;
      const upcoming = quarter > currentQuarter;
      for (let seat = 0; seat < session.capacity; seat++) {
        if (!history.chance(upcoming ? 0.15 : 0.74)) continue;
        const start = upcoming || history.chance(0.75) ? first : firstOnOrAfter(session, first + history.int(7, 28));
        if (start === undefined || (!upcoming && start > today)) continue;
        let end: Day | null = null;
        if (!upcoming && history.chance(0.05)) {
          const dropped = firstOnOrAfter(session, start + history.int(14, 56));
          if (dropped !== undefined && dropped <= today) end = dropped;
        }
        addTenure({ session, start, end, seatFreeFrom: session.startsOn, endsWithSession: false, continuation: false });
      }
    }
  }

  // Transfers: some stays that ended continue in another session of the same service,
  // from that session's first date on or after the transfer date.
  const arrivals = new Map<ServiceKey, Tenure[]>();
  for (const t of tenures) {
    if (!t.session.open || t.continuation) continue;
    const list = arrivals.get(t.session.service) ?? [];
    list.push(t);
    arrivals.set(t.session.service, list);
  }
  for (const list of arrivals.values()) list.sort((a, b) => a.start - b.start);
  const departures = tenures
    .filter((t) => t.session.open && t.end !== null && t.end <= today && !t.endsWithSession)
    .sort((a, b) => a.end! - b.end!);
  const arrivalStarts = new Map([...arrivals].map(([service, list]) => [service, list.map((t) => t.start)]));
  for (const leaving of departures) {
    if (!history.chance(TRANSFER_SHARE)) continue;
    const transferDate = leaving.end!;
    const list = arrivals.get(leaving.session.service)!;
    // Starts as first planned; a matched arrival only moves earlier within the same week, which the window absorbs.
    const starts = arrivalStarts.get(leaving.session.service)!;
    for (let i = lowerBound(starts, transferDate); i < list.length && starts[i]! <= transferDate + 21; i++) {
      const arriving = list[i]!;
      if (arriving.prev || arriving.session === leaving.session || arriving.start > today) continue;
      const firstDate = firstOnOrAfter(arriving.session, transferDate);
      if (firstDate === undefined || firstDate < arriving.seatFreeFrom || firstDate > today || (arriving.end !== null && firstDate >= arriving.end)) continue;
      arriving.start = firstDate;
      arriving.prev = leaving;
      arriving.viaTransfer = true;
      leaving.next = arriving;
      break;
    }
  }

  // Clients: each chain of stays is one client; a few active clients hold two sessions.
  const chains: Tenure[][] = [];
  for (const head of tenures) {
    if (head.prev) continue;
    const chain: Tenure[] = [];
    for (let t: Tenure | null = head; t; t = t.next) chain.push(t);
    chains.push(chain);
  }
  // A term's enrollment without an end runs until the term does.
  const isActive = (t: Tenure) => (t.end ?? t.session.endsOn ?? Infinity) > today;
  const clientOfChain = chains.map((_, i) => i);
  const activeChains = history.shuffle(chains.map((_, i) => i).filter((i) => isActive(chains[i]!.at(-1)!)));
  let merges = Math.round(activeChains.length * TWO_SESSION_CLIENT_SHARE);
  for (let k = 0; k + 1 < activeChains.length && merges > 0; k += 2) {
    const a = chains[activeChains[k]!]!;
    const b = chains[activeChains[k + 1]!]!;
    const lastA = a.at(-1)!.session;
    const lastB = b.at(-1)!.session;
    if (lastA.service === 'clinic' || lastB.service === 'clinic' || lastA.weekdays.some((d) => lastB.weekdays.includes(d))) continue;
    const overlap = a.some((x) => b.some((y) => x.session === y.session && x.start < (y.end ?? Infinity) && y.start < (x.end ?? Infinity)));
    if (overlap) continue;
    clientOfChain[activeChains[k + 1]!] = activeChains[k]!;
    merges--;
  }
  const clientNumber = new Map<number, number>();
  const clientStart: Day[] = [];
  const clientAdult: boolean[] = [];
  const clientActive: boolean[] = [];
  chains.forEach((chain, i) => {
    const owner = clientOfChain[i]!;
    let n = clientNumber.get(owner);
    if (n === undefined) {
      n = clientStart.length;
      clientNumber.set(owner, n);
      clientStart.push(chain[0]!.start);
      clientAdult.push(chain[0]!.session.service === 'adult');
      clientActive.push(false);
    }
    clientStart[n] = Math.min(clientStart[n]!, chain[0]!.start);
    if (isActive(chain.at(-1)!)) clientActive[n] = true;
    for (const t of chain) t.client = n;
  });

  // Families of one to three clients who joined around the same time, with one or two guardians.
  const order = clientStart.map((_, i) => i).sort((a, b) => clientStart[a]! - clientStart[b]! || a - b);
  const clientIds: string[] = new Array(clientStart.length);
  const familyOf: string[] = new Array(clientStart.length);
  for (let i = 0; i < order.length; ) {
    const size = Math.min(order.length - i, history.chance(0.55) ? 1 : history.chance(0.75) ? 2 : 3);
    const members = order.slice(i, i + size);
    i += size;
    const familyId = newId();
    const lastName = history.pick(FAMILY_NAMES);
    const joined = clientStart[members[0]!]!;
    tables.add('families', { organization_id: organizationId, id: familyId, name: `${lastName} family`, created_at: at(joined - 7, 10) });
    const guardians = history.chance(0.4) ? 2 : 1;
    for (let g = 0; g < guardians; g++) {
      const first = history.pick(ADULT_FIRST_NAMES);
      tables.add('guardians', {
        organization_id: organizationId,
        id: newId(),
        family_id: familyId,
        name: `${first} ${lastName}`,
        email: `${first.toLowerCase()}.${lastName.toLowerCase().replace(/[^a-z]/g, '')}.${familyId.slice(0, 6)}@example.com`,
        phone: `555-${String(history.int(0, 9999)).padStart(4, '0')}`,
        created_at: at(joined - 7, 10),
      });
    }
    for (const n of members) {
      const id = newId();
      clientIds[n] = id;
      familyOf[n] = familyId;
      const adult = clientAdult[n]!;
      const age = adult ? history.int(25, 60) : history.int(4, 12);
      tables.add('clients', {
        organization_id: organizationId,
        id,
        family_id: familyId,
        first_name: history.pick(adult ? ADULT_FIRST_NAMES : CHILD_FIRST_NAMES),
        last_name: lastName,
        birth_date: isoOf(clientStart[n]! - age * 365 - history.int(0, 364)),
        notes: '',
        created_at: at(clientStart[n]! - 7, 10),
      });
    }
  }

  // Subscriptions, their invoices (with payments, write-offs and transfer discounts),
  // transfers and the audit trail.
  const currentMonth = monthOf(today);
  const lastBilledMonth = today >= firstDayOfMonth(currentMonth + 1) - 7 ? currentMonth + 1 : currentMonth;
  let invoiceCount = 0;
  let transferCount = 0;
  let activeSubscriptions = 0;
  for (const t of tenures) {
    const session = t.session;
    const plan = SERVICES[session.service].plan;
    const yearsAgo = Math.max(0, (today - t.start) / 365);
    const price = Math.round((session.price * 0.97 ** yearsAgo) / 100) * 100;
    const clientId = clientIds[t.client]!;
    const familyId = familyOf[t.client]!;
    if (isActive(t)) activeSubscriptions++;
    tables.add('subscriptions', {
      organization_id: organizationId,
      id: t.id,
      client_id: clientId,
      session_id: session.id,
      starts_on: isoOf(t.start),
      ends_on: t.end === null ? null : isoOf(t.end),
      status: 'active',
      payment_plan: plan,
      price_snapshot: price,
      created_at: at(t.start - history.int(0, 10), 10 + history.int(0, 7)),
    });

    const transfer = t.viaTransfer
      ? { id: newId(), checkout: history.pick(['pay_now', 'pay_now', 'pay_now', 'pay_later', 'pay_later', 'close_now'] as const) }
      : null;
    let firstInvoiceId: string | null = null;
    // `period` is the invoice's billing period as the engine keys it (the month, or the whole
    // series): its start is what the unique index over live invoices and the run look at, so the
    // run finds these periods billed. `periodStart`/`periodEnd` are the line's covered part.
    const addInvoice = (o2: { due: Day; issued: Day; description: string; period: { start: Day; end: Day }; periodStart: Day; periodEnd: Day; numerator: number; denominator: number; unit: number; amount: number; month: Month | null }) => {
      const id = newId();
      invoiceCount++;
      const isTransferInvoice = transfer !== null && firstInvoiceId === null;
      firstInvoiceId ??= id;
      const discount = isTransferInvoice && history.chance(0.4) ? Math.min(o2.amount, Math.round((o2.amount * history.int(20, 60)) / 100)) : 0;
      const total = o2.amount - discount;
      let status: 'open' | 'paid' | 'closed';
      if (isTransferInvoice) status = transfer.checkout === 'pay_now' ? 'paid' : transfer.checkout === 'close_now' ? 'closed' : 'open';
      else if (o2.due > today) status = history.chance(0.1) ? 'paid' : 'open';
      else if (o2.month !== null && o2.month >= currentMonth) status = history.chance(0.85) ? 'paid' : 'open';
      else {
        const roll = history.next();
        status = roll < 0.96 ? 'paid' : roll < 0.985 ? 'open' : 'closed';
      }
      if (total === 0 && status === 'open') status = 'paid';
      const created = at(o2.issued, 6);
      tables.add('invoices', {
        organization_id: organizationId,
        id,
        family_id: familyId,
        subscription_id: t.id,
        status,
        issued_on: isoOf(o2.issued),
        due_on: isoOf(o2.due),
        period_start: isoOf(o2.period.start),
        period_end: isoOf(o2.period.end),
        subtotal: o2.amount,
        discount_total: discount,
        total,
        created_at: created,
      });
      tables.add('invoice_lines', {
        organization_id: organizationId,
        id: newId(),
        invoice_id: id,
        subscription_id: t.id,
        description: o2.description,
        period_start: isoOf(o2.periodStart),
        period_end: isoOf(o2.periodEnd),
        quantity_numerator: o2.numerator,
        quantity_denominator: o2.denominator,
        unit_amount: o2.unit,
        amount: o2.amount,
        created_at: created,
      });
      if (discount > 0) {
        tables.add('invoice_discounts', {
          organization_id: organizationId,
          id: newId(),
          invoice_id: id,
          kind: 'amount',
          basis_points: null,
          amount: discount,
          reason: 'Credit for unused paid sessions',
          created_at: created,
        });
      }
      if (status === 'paid' && total > 0) {
        const method = history.pick(METHODS);
        const paidOn = Math.min(today, Math.max(o2.issued, o2.due - history.int(0, 3) + history.int(0, 5)));
        const received = at(paidOn, history.int(9, 18), history.int(0, 59));
        tables.add('payments', {
          organization_id: organizationId,
          id: newId(),
          invoice_id: id,
          family_id: familyId,
          amount: total,
          method,
          reference: method === 'check' ? `Check no. ${history.int(1001, 9999)}` : method === 'card' ? `Card ending ${history.int(1000, 9999)}` : null,
          received_at: received,
          created_at: received,
        });
      }
      if (status === 'closed' && total > 0) {
        const written = at(Math.min(today, o2.due + 30), 12);
        tables.add('write_offs', {
          organization_id: organizationId,
          id: newId(),
          invoice_id: id,
          family_id: familyId,
          amount: total,
          reason: isTransferInvoice ? 'Covered by the prepaid month' : 'Hardship waiver',
          written_off_at: written,
          created_at: written,
        });
      }
    };

    if (plan === 'full_session') {
      const all = session.dates.length;
      const remaining = all - lowerBound(session.dates, t.start);
      const amount = divideRounded({ amount: price, numerator: remaining, denominator: all });
      addInvoice({
        due: t.start,
        issued: Math.min(t.start - 14, today),
        description: `${session.name} — full session (${remaining} of ${all} sessions)`,
        period: { start: session.startsOn, end: session.endsOn! },
        periodStart: t.start,
        periodEnd: session.endsOn!,
        numerator: remaining,
        denominator: all,
        unit: price,
        amount,
        month: null,
      });
    } else {
      const end = t.end ?? Infinity;
      const lastIndex = lowerBound(session.dates, Math.min(end, session.dates.at(-1)! + 1)) - 1;
      const lastDate = session.dates[lastIndex];
      const lastMonth = lastDate === undefined ? -1 : Math.min(monthOf(lastDate), lastBilledMonth);
      const startMonth = monthOf(t.start);
      for (let month = t.continuation ? startMonth + 1 : startMonth; month <= lastMonth; month++) {
        const monthStart = firstDayOfMonth(month);
        const monthEnd = firstDayOfMonth(month + 1);
        const covered = datesBetween(session, Math.max(t.start, monthStart), Math.min(end, monthEnd));
        if (covered === 0) continue;
        const inMonth = datesBetween(session, monthStart, monthEnd);
        const first = month === startMonth;
        const { year, month: m } = monthLabel(month);
        const label = `${session.name} — ${monthName(m)} ${year}`;
        const periodStart = first ? t.start : monthStart;
        if (plan === 'per_visit') {
          addInvoice({ due: first ? t.start : monthStart, issued: Math.min(first ? t.start : monthStart - 7, today), description: `${label} (${covered} visits)`, period: { start: monthStart, end: monthEnd }, periodStart, periodEnd: monthEnd, numerator: covered, denominator: 1, unit: price, amount: price * covered, month });
        } else {
          const prorated = first && t.start > monthStart && covered < inMonth;
          const [numerator, denominator] = prorated ? [covered, inMonth] : [1, 1];
          addInvoice({
            due: first ? t.start : monthStart,
            issued: Math.min(first ? t.start : monthStart - 7, today),
            description: prorated ? `${label} (${covered} of ${inMonth} sessions)` : label,
            period: { start: monthStart, end: monthEnd },
            periodStart,
            periodEnd: monthEnd,
            numerator,
            denominator,
            unit: price,
            amount: divideRounded({ amount: price, numerator, denominator }),
            month,
          });
        }
      }
    }

    const subscriptionJson = (endsOn: Day | null) =>
      JSON.stringify({ id: t.id, clientId, sessionId: session.id, startsOn: isoOf(t.start), endsOn: endsOn === null ? null : isoOf(endsOn), status: 'active' });
    const enrolledAt = at(t.start - history.int(0, 10), 10 + history.int(0, 7));
    if (transfer && t.prev) {
      transferCount++;
      const from = t.prev;
      const createdAt = at(Math.min(from.end! - history.int(0, 7), today), 11, history.int(0, 59));
      tables.add('transfers', {
        organization_id: organizationId,
        id: transfer.id,
        client_id: clientId,
        from_subscription_id: from.id,
        to_subscription_id: t.id,
        transfer_date: isoOf(from.end!),
        old_ends_on: isoOf(from.end!),
        first_session_date: isoOf(t.start),
        previous_ends_on: null,
        reason: history.pick(TRANSFER_REASONS),
        checkout: transfer.checkout,
        invoice_id: firstInvoiceId,
        created_at: createdAt,
      });
      tables.add('audit_events', {
        organization_id: organizationId,
        id: newId(),
        actor_user_id: null,
        actor_role: 'front_desk',
        action: 'transfer.completed',
        entity_type: 'transfer',
        entity_id: transfer.id,
        client_id: clientId,
        before: JSON.stringify({ oldSubscription: { id: from.id, sessionId: from.session.id, startsOn: isoOf(from.start), endsOn: null } }),
        after: JSON.stringify({ transferId: transfer.id, oldEndsOn: isoOf(from.end!), newSubscription: JSON.parse(subscriptionJson(t.end)), invoiceId: firstInvoiceId }),
        created_at: createdAt,
      });
    } else {
      tables.add('audit_events', {
        organization_id: organizationId,
        id: newId(),
        actor_user_id: null,
        actor_role: 'front_desk',
        action: 'subscription.enrolled',
        entity_type: 'subscription',
        entity_id: t.id,
        client_id: clientId,
        before: null,
        after: subscriptionJson(null),
        created_at: enrolledAt,
      });
    }
    if (t.end !== null && !t.endsWithSession && !t.next?.viaTransfer) {
      tables.add('audit_events', {
        organization_id: organizationId,
        id: newId(),
        actor_user_id: null,
        actor_role: 'front_desk',
        action: 'subscription.unenrolled',
        entity_type: 'subscription',
        entity_id: t.id,
        client_id: clientId,
        before: subscriptionJson(null),
        after: subscriptionJson(t.end),
        created_at: at(Math.min(t.end - history.int(0, 14), today), 15),
      });
    }
  }

  const running = sessions.filter((s) => s.startsOn <= today && (s.endsOn === null || s.endsOn > today)).length;
  return {
    organization: { id: organizationId, name: o.name, timeZone: o.timeZone, currency: 'USD', locale: 'en-US' },
    tables,
    stats: {
      runningSessions: running,
      sessions: sessions.length,
      activeClients: clientActive.filter(Boolean).length,
      clients: clientStart.length,
      activeSubscriptions,
      subscriptions: tenures.length,
      transfers: transferCount,
      invoices: invoiceCount,
    },
  };
}
