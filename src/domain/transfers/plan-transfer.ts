import { Temporal } from 'temporal-polyfill';
import { AppError, fieldError } from '../errors.js';
import { writeDate, writeDates } from '../formatting/intl-formats.js';
import { assertKeepsAttendedDates } from '../subscriptions/attended-dates.js';
import { backDatedWarning, reachesBack, type ReachedDate } from '../time/the-past.js';
import { assertNotEndedByTransfer } from './chains.js';
import {
  firstRealSessionDateOnOrAfter,
  isRealSessionDate,
  listSessionDates,
  realSessionDates,
  type SessionSchedule,
} from '../schedule/session-dates.js';
import { assertCapacity, fullDates } from '../subscriptions/capacity.js';
import { coversDate, periodsOverlap, type SubscriptionPeriod } from '../subscriptions/coverage.js';
import { enrolledCountByDate } from '../subscriptions/roster.js';

export interface PlannedSession {
  id: string;
  name: string;
  schedule: SessionSchedule;
  capacity: number;
  instructorName: string;
}

/** An active subscription of the target session. */
export interface EnrolledPeriod {
  clientId: string;
  period: SubscriptionPeriod;
}

/** One of the client's other active subscriptions, for clash warnings. */
export interface OtherEnrollment {
  sessionId: string;
  sessionName: string;
  schedule: SessionSchedule;
  period: SubscriptionPeriod;
}

/** What staff may accept at checkout: a clash in time, a stretch in both sessions, a change of the past. */
export const transferWarningCodes = ['TIME_CLASH', 'DOUBLE_ENROLLED', 'BACK_DATED'] as const;

export type TransferWarning =
  | { code: 'TIME_CLASH'; message: string; sessionName: string; dates: string[] }
  | { code: 'DOUBLE_ENROLLED'; message: string; sessionName: string; dates: string[] }
  | { code: 'BACK_DATED'; message: string; dates: string[] };

export interface TransferPlan {
  transferDate: Temporal.PlainDate;
  /** The old subscription's new exclusive end: the first of its dates the client no longer attends. */
  oldEndsOn: Temporal.PlainDate;
  firstSessionDate: Temporal.PlainDate;
  warnings: TransferWarning[];
  /** True only when the target was full and staff overrode it, so the caller audits it. */
  capacityOverridden: boolean;
  /** The earliest date the transfer reaches when it is before today: a back-dated transfer, a manager's to make. */
  reachedBack: ReachedDate | null;
}

export interface PlanTransferOptions {
  clientId: string;
  current: {
    subscriptionId: string;
    session: PlannedSession;
    period: SubscriptionPeriod;
    status: 'active' | 'void';
    /** Dates with attendance recorded on this enrollment: the old end cannot take the client off them. */
    attendedDates: readonly Temporal.PlainDate[];
    /** The completed transfer that already ended this enrollment, if any: it must be undone first. */
    endedByTransfer: { transferDate: Temporal.PlainDate } | null;
  };
  /** A session date of the current subscription that the client is enrolled on. */
  transferDate: Temporal.PlainDate;
  target: PlannedSession;
  /** All active subscriptions of the target session. */
  targetEnrollments: readonly EnrolledPeriod[];
  /** The client's other active subscriptions, excluding the current one. */
  otherEnrollments: readonly OtherEnrollment[];
  /** Default: the target's first real date on or after transferDate. */
  firstSessionDate?: Temporal.PlainDate | null;
  /** Default: transferDate. */
  oldEndsOn?: Temporal.PlainDate | null;
  capacityOverride?: boolean;
  today: Temporal.PlainDate;
  /** How the organization writes dates in messages. */
  locale: string;
}

/** Enrolled counts change only at period boundaries; past the last one, this many days show every weekday's count. */
const CAPACITY_MARGIN_DAYS = 63;
const CLASH_WINDOW_WEEKS = 8;

/**
 * Decides a transfer: checks the current subscription, the old end, the target and its first date,
 * duplicate enrollment and capacity (each refusal a coded AppError naming the field to change), and
 * collects the warnings staff may accept (back-dated, time clash).
 */
export function planTransfer(o: PlanTransferOptions): TransferPlan {
  const { current, target, transferDate } = o;

  if (target.id === current.session.id) {
    throw fieldError(
      'SAME_SESSION',
      `The client is already in ${target.name}; choose a different session to transfer to.`,
      'body.targetSessionId',
      'the client is already in this session',
    );
  }

  assertTransferableOn(o);
  const oldEndsOn = o.oldEndsOn ?? transferDate;
  assertValidOldEnd({ ...o, oldEndsOn });
  assertKeepsAttendedDates({
    attended: current.attendedDates,
    endsOn: oldEndsOn,
    sessionName: current.session.name,
    locale: o.locale,
    field: o.oldEndsOn ? 'body.oldEndsOn' : 'body.transferDate',
  });

  const firstSessionDate = resolveFirstSessionDate(o);
  assertStartsWithinTheChain({ ...o, firstSessionDate });
  assertNotAlreadyEnrolled({ ...o, firstSessionDate });

  const capacityDates = datesToCheckForCapacity({ ...o, firstSessionDate });
  const capacityCheck = {
    capacity: target.capacity,
    dates: capacityDates,
    enrolledByDate: enrolledCountByDate({ dates: capacityDates, periods: o.targetEnrollments.map((e) => e.period) }),
  };
  try {
    assertCapacity({ ...capacityCheck, override: o.capacityOverride, locale: o.locale });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CAPACITY_FULL') throw error;
    throw new AppError('CAPACITY_FULL', `${target.name} is full. ${error.message} A manager can enroll beyond capacity.`, {
      ...error.facts,
      fields: [{ field: 'body.targetSessionId', message: `${target.name} is full` }],
    });
  }
  const capacityOverridden = o.capacityOverride === true && fullDates(capacityCheck).length > 0;

  const reachedBack = reachesBack({
    today: o.today,
    dates: [
      { date: transferDate, field: 'body.transferDate' },
      { date: oldEndsOn, field: o.oldEndsOn ? 'body.oldEndsOn' : 'body.transferDate' },
      { date: firstSessionDate, field: 'body.firstSessionDate' },
    ],
  });
  const warnings: TransferWarning[] = [];
  if (reachedBack) warnings.push(backDatedWarning({ reached: reachedBack, today: o.today, locale: o.locale, change: 'This transfer' }));
  warnings.push(...doubleEnrollment({ ...o, firstSessionDate, oldEndsOn }));
  warnings.push(...timeClashes({ ...o, firstSessionDate, oldEndsOn }));

  return { transferDate, oldEndsOn, firstSessionDate, warnings, capacityOverridden, reachedBack };
}

/**
 * The new enrollment takes over from the one being moved, so it cannot start before that one
 * did: earlier dates belong to whatever came before it (an earlier enrollment of the chain,
 * still running then), and DESIGN.md "Chains of transfers" allows one live enrollment per chain.
 */
function assertStartsWithinTheChain(o: PlanTransferOptions & { firstSessionDate: Temporal.PlainDate }): void {
  const { startsOn } = o.current.period;
  if (Temporal.PlainDate.compare(o.firstSessionDate, startsOn) >= 0) return;
  throw fieldError(
    'INVALID_DATE_RANGE',
    `The new enrollment cannot start before the ${o.current.session.name} enrollment it replaces did ` +
      `(${writeDate(startsOn, o.locale)}); choose a first date on or after it, or enroll the client separately.`,
    'body.firstSessionDate',
    `on or after ${writeDate(startsOn, o.locale)}`,
  );
}

/**
 * A first date before the old end puts the client in both sessions for a while: a warning
 * naming both sessions' dates in that stretch, which staff may accept.
 */
function doubleEnrollment(
  o: PlanTransferOptions & { firstSessionDate: Temporal.PlainDate; oldEndsOn: Temporal.PlainDate },
): TransferWarning[] {
  if (Temporal.PlainDate.compare(o.firstSessionDate, o.oldEndsOn) >= 0) return [];
  const stretch = { from: o.firstSessionDate, to: o.oldEndsOn };
  const both = [
    ...realSessionDates({ ...o.current.session.schedule, ...stretch }).filter((d) => coversDate({ period: o.current.period, date: d })),
    ...realSessionDates({ ...o.target.schedule, ...stretch }),
  ];
  const dates = [...new Map(both.map((d) => [d.toString(), d])).values()].sort(Temporal.PlainDate.compare);
  if (dates.length === 0) return [];
  const last = o.oldEndsOn.subtract({ days: 1 });
  return [
    {
      code: 'DOUBLE_ENROLLED',
      sessionName: o.current.session.name,
      dates: dates.map(String),
      message:
        `From ${writeDate(o.firstSessionDate, o.locale)} to ${writeDate(last, o.locale)} the client is in both ` +
        `${o.current.session.name} and ${o.target.name} (${writeDates(dates, o.locale)}). ` +
        'Accept it, or choose a first date on or after the old end.',
    },
  ];
}

/**
 * Whether the client can be transferred out of the current enrollment from `transferDate`:
 * no standing transfer has ended it, and the client is on its roster that day. The target
 * list and the transfer both ask, so a date one refuses the other refuses too.
 */
export function assertTransferableOn(
  o: Pick<PlanTransferOptions, 'current' | 'transferDate' | 'locale'> & { dateField?: string },
): void {
  assertNotEndedByTransfer({
    endedBy: o.current.endedByTransfer,
    sessionName: o.current.session.name,
    locale: o.locale,
    field: 'body.subscriptionId',
  });
  assertEnrolledOn({ ...o, dateField: o.dateField ?? 'body.transferDate' });
}

function assertEnrolledOn(o: Pick<PlanTransferOptions, 'current' | 'transferDate' | 'locale'> & { dateField: string }): void {
  const { current, transferDate } = o;
  const name = current.session.name;
  if (current.status === 'void') {
    throw fieldError(
      'NOT_ENROLLED_ON_DATE',
      `This enrollment in ${name} was cancelled, so there is nothing to transfer; enroll the client in the new session instead.`,
      'body.subscriptionId',
      'this enrollment was cancelled',
    );
  }
  if (isEnrolledOn({ session: current.session, period: current.period, date: transferDate })) return;
  const suggestedDate = firstEnrolledDateOnOrAfter({ ...current, date: transferDate });
  throw fieldError(
    'NOT_ENROLLED_ON_DATE',
    `The client is not enrolled in ${name} on ${writeDate(transferDate, o.locale)}; ` +
      `pick one of the session dates of this enrollment${periodText(current.period, o.locale)}` +
      (suggestedDate ? `, such as ${writeDate(suggestedDate, o.locale)}.` : '.'),
    o.dateField,
    `not enrolled in ${name} on this date`,
    suggestedDate ? { suggestedDate: suggestedDate.toString() } : {},
  );
}

function assertValidOldEnd(o: PlanTransferOptions & { oldEndsOn: Temporal.PlainDate }): void {
  const { current, oldEndsOn } = o;
  const { endsOn } = current.period;
  if (endsOn !== null && Temporal.PlainDate.compare(oldEndsOn, endsOn) >= 0) {
    throw fieldError(
      'INVALID_END_DATE',
      `This enrollment already ends on ${writeDate(endsOn, o.locale)}; pick one of its session dates before that ` +
        '(an end can move earlier, never later).',
      'body.oldEndsOn',
      `must be before ${writeDate(endsOn, o.locale)}`,
      { endsOn: endsOn.toString() },
    );
  }
  if (isEnrolledOn({ session: current.session, period: current.period, date: oldEndsOn })) return;
  const suggestedDate = firstEnrolledDateOnOrAfter({ ...current, date: oldEndsOn });
  throw fieldError(
    'INVALID_END_DATE',
    `${writeDate(oldEndsOn, o.locale)} is not a session date of the client's ${current.session.name} enrollment; ` +
      `pick one of its dates${periodText(current.period, o.locale)}` +
      (suggestedDate ? `, such as ${writeDate(suggestedDate, o.locale)}.` : '.'),
    'body.oldEndsOn',
    'not a session date of this enrollment',
    suggestedDate ? { suggestedDate: suggestedDate.toString() } : {},
  );
}

function resolveFirstSessionDate(o: PlanTransferOptions): Temporal.PlainDate {
  const { target } = o;
  if (!o.firstSessionDate) {
    const first = firstRealSessionDateOnOrAfter({ ...target.schedule, date: o.transferDate });
    if (first) return first;
    throw fieldError(
      'NOT_A_SESSION_DATE',
      `${target.name} has no session date on or after ${writeDate(o.transferDate, o.locale)}; choose another session.`,
      'body.targetSessionId',
      'no session dates from the transfer date on',
    );
  }
  const chosen = o.firstSessionDate;
  if (isRealSessionDate({ ...target.schedule, date: chosen })) return chosen;
  const isCancelled = listSessionDates({
    ...target.schedule,
    from: chosen,
    to: chosen.add({ days: 1 }),
    includeCancelled: true,
  }).some((s) => s.status === 'cancelled');
  const suggestedDate = firstRealSessionDateOnOrAfter({ ...target.schedule, date: chosen });
  throw fieldError(
    'NOT_A_SESSION_DATE',
    `${target.name} ${isCancelled ? 'is cancelled' : 'does not meet'} on ${writeDate(chosen, o.locale)}; ` +
      (suggestedDate
        ? `pick one of its session dates, such as ${writeDate(suggestedDate, o.locale)}.`
        : 'it has no later session dates, so choose another session.'),
    'body.firstSessionDate',
    isCancelled ? 'cancelled on this date' : `not a session date of ${target.name}`,
    suggestedDate ? { suggestedDate: suggestedDate.toString() } : {},
  );
}

function assertNotAlreadyEnrolled(o: PlanTransferOptions & { firstSessionDate: Temporal.PlainDate }): void {
  const newPeriod: SubscriptionPeriod = { startsOn: o.firstSessionDate, endsOn: null };
  const existing = o.targetEnrollments.find(
    (e) => e.clientId === o.clientId && periodsOverlap({ a: e.period, b: newPeriod }),
  );
  if (!existing) return;
  const { startsOn, endsOn } = existing.period;
  const since = `from ${writeDate(startsOn, o.locale)}`;
  if (endsOn === null) {
    throw fieldError(
      'ALREADY_ENROLLED',
      `The client is already enrolled in ${o.target.name} ${since} with no end; choose another session.`,
      'body.targetSessionId',
      `already enrolled in ${o.target.name}`,
      { startsOn: startsOn.toString(), endsOn: null },
    );
  }
  throw fieldError(
    'ALREADY_ENROLLED',
    `The client is already enrolled in ${o.target.name} ${since} until ${writeDate(endsOn, o.locale)}; ` +
      `pick a first session date on or after ${writeDate(endsOn, o.locale)}, or choose another session.`,
    'body.firstSessionDate',
    `on or after ${writeDate(endsOn, o.locale)}`,
    { startsOn: startsOn.toString(), endsOn: endsOn.toString() },
  );
}

/**
 * The target's real dates from the first session date through the last date on which any enrolled
 * count can change, plus a margin: after the last boundary every date of a weekday has the same count.
 */
function datesToCheckForCapacity(
  o: PlanTransferOptions & { firstSessionDate: Temporal.PlainDate },
): Temporal.PlainDate[] {
  const boundaries: Temporal.PlainDate[] = [o.firstSessionDate];
  for (const { period } of o.targetEnrollments) {
    boundaries.push(period.startsOn);
    if (period.endsOn) boundaries.push(period.endsOn);
  }
  // Exceptions change which dates exist, so they bound the horizon as well.
  for (const exception of o.target.schedule.exceptions) {
    boundaries.push(exception.date);
    if (exception.kind === 'moved') boundaries.push(exception.toDate);
  }
  const last = boundaries.reduce((a, b) => (Temporal.PlainDate.compare(a, b) >= 0 ? a : b));
  return realSessionDates({
    ...o.target.schedule,
    from: o.firstSessionDate,
    to: last.add({ days: CAPACITY_MARGIN_DAYS + 1 }),
  });
}

/**
 * Target occurrences in the first weeks that overlap in time an occurrence of another enrollment
 * that covers its date. The current subscription counts too while it still runs (an old end after
 * the first session date), since the client is then in both.
 */
function timeClashes(
  o: PlanTransferOptions & { firstSessionDate: Temporal.PlainDate; oldEndsOn: Temporal.PlainDate },
): TransferWarning[] {
  const window = { from: o.firstSessionDate, to: o.firstSessionDate.add({ weeks: CLASH_WINDOW_WEEKS }) };
  const targetOccurrences = listSessionDates({ ...o.target.schedule, ...window });
  const stillRunning: OtherEnrollment = {
    sessionId: o.current.session.id,
    sessionName: o.current.session.name,
    schedule: o.current.session.schedule,
    period: { startsOn: o.current.period.startsOn, endsOn: o.oldEndsOn },
  };
  const warnings: TransferWarning[] = [];
  for (const other of [stillRunning, ...o.otherEnrollments]) {
    const occurrences = listSessionDates({ ...other.schedule, ...window }).filter((s) =>
      coversDate({ period: other.period, date: s.date }),
    );
    const dates = targetOccurrences
      .filter((t) =>
        occurrences.some(
          (s) =>
            Temporal.ZonedDateTime.compare(t.startsAt, s.endsAt) < 0 &&
            Temporal.ZonedDateTime.compare(s.startsAt, t.endsAt) < 0,
        ),
      )
      .map((t) => t.date.toString());
    if (dates.length === 0) continue;
    const unique = [...new Set(dates)];
    warnings.push({
      code: 'TIME_CLASH',
      sessionName: other.sessionName,
      dates: unique,
      message:
        `${o.target.name} overlaps the client's ${other.sessionName} on ${writeDates(unique, o.locale)}. ` +
        'Accept the clash, or choose another session or first date.',
    });
  }
  return warnings;
}

function isEnrolledOn(o: { session: PlannedSession; period: SubscriptionPeriod; date: Temporal.PlainDate }): boolean {
  return coversDate({ period: o.period, date: o.date }) && isRealSessionDate({ ...o.session.schedule, date: o.date });
}

function firstEnrolledDateOnOrAfter(o: {
  session: PlannedSession;
  period: SubscriptionPeriod;
  date: Temporal.PlainDate;
}): Temporal.PlainDate | null {
  const from = Temporal.PlainDate.compare(o.date, o.period.startsOn) >= 0 ? o.date : o.period.startsOn;
  const next = firstRealSessionDateOnOrAfter({ ...o.session.schedule, date: from });
  return next && coversDate({ period: o.period, date: next }) ? next : null;
}

function periodText(period: SubscriptionPeriod, locale: string): string {
  const from = ` from ${writeDate(period.startsOn, locale)}`;
  return period.endsOn ? `${from} until ${writeDate(period.endsOn, locale)}` : from;
}
