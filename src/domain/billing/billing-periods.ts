import { Temporal } from 'temporal-polyfill';
import { formatPlainDate } from '../formatting/intl-formats.js';
import { realSessionDates, type SessionSchedule } from '../schedule/session-dates.js';
import { assertMinorUnits, divideRounded } from './money.js';
import type { PaymentPlan } from './value-sets.js';

/**
 * DESIGN.md "Billing: the engine behind every invoice": which periods a subscription is billed
 * for, and what each costs, from its plan and the session's real dates (cancelled excluded).
 * Monthly and per visit bill each calendar month (the organization's local dates) that holds
 * at least one of the subscription's real dates; full session bills the series once.
 */

/** One period a subscription is billed for; `start` is its key: one live invoice per subscription and start. */
export interface BillingPeriod {
  start: Temporal.PlainDate;
  /** Exclusive; null for an open-ended series billed once. */
  end: Temporal.PlainDate | null;
}

/** One line of an invoice before it is stored; dates are ISO, amounts minor units. */
export interface InvoiceLineDraft {
  description: string;
  /** The part of the period the subscription covers (its first date, or the period's start). */
  periodStart: string;
  /** Exclusive; null for an open-ended session's flat full-session price, which covers no fixed period. */
  periodEnd: string | null;
  quantityNumerator: number;
  quantityDenominator: number;
  unitAmount: number;
  amount: number;
}

export interface PeriodInvoice {
  period: BillingPeriod;
  lines: InvoiceLineDraft[];
  subtotal: number;
}

/** What the engine needs of a subscription: the session's dates, the plan and price it was sold at, its dates. */
export interface BilledSubscription {
  sessionName: string;
  schedule: SessionSchedule;
  paymentPlan: PaymentPlan;
  /** Minor units: a month's price, a visit's price, or the whole series' price. */
  price: number;
  startsOn: Temporal.PlainDate;
  /** Exclusive; null = ongoing. */
  endsOn: Temporal.PlainDate | null;
}

/** The billing period holding `date`: its calendar month, or the whole series for a full-session plan. */
export function periodContaining(o: { subscription: Pick<BilledSubscription, 'paymentPlan' | 'schedule'>; date: Temporal.PlainDate }): BillingPeriod {
  if (o.subscription.paymentPlan === 'full_session') return seriesPeriod(o.subscription.schedule, o.date);
  return monthOf(o.date);
}

/**
 * The subscription's periods that start in [from, to) (a full-session series counts once, at
 * its start, when that is in the range), earliest first. Only periods holding at least one
 * real date the subscription covers are billed; see invoiceForPeriod.
 */
export function periodsStartingIn(o: {
  subscription: Pick<BilledSubscription, 'paymentPlan' | 'schedule' | 'startsOn'>;
  from: Temporal.PlainDate;
  to: Temporal.PlainDate;
}): BillingPeriod[] {
  if (o.subscription.paymentPlan === 'full_session') {
    const series = seriesPeriod(o.subscription.schedule, o.subscription.startsOn);
    return inRange(series.start, o) ? [series] : [];
  }
  return monthsStartingIn(o);
}

/** The calendar months that start in [from, to), earliest first: every monthly or per-visit subscription's periods there. */
export function monthsStartingIn(o: { from: Temporal.PlainDate; to: Temporal.PlainDate }): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  for (let month = monthOf(o.from); Temporal.PlainDate.compare(month.start, o.to) < 0; month = monthOf(month.end!)) {
    if (inRange(month.start, o)) periods.push(month);
  }
  return periods;
}

/**
 * The invoice of one period: the dates the subscription covers in it, priced by its plan,
 * rounded once. Null when it covers no real date there (nothing to bill).
 * - monthly: price × covered / real dates of the month (a full month is the price, whatever its count);
 * - per visit: covered dates × price;
 * - full session: price × covered / real dates of the series (flat when the series is open-ended).
 */
export function invoiceForPeriod(o: { subscription: BilledSubscription; period: BillingPeriod; locale: string }): PeriodInvoice | null {
  const { subscription: s, period } = o;
  assertMinorUnits(s.price, 'price');
  const covered = coveredRange(s, period);
  if (!covered) return null;
  if (s.paymentPlan === 'full_session' && period.end === null) {
    return line(o, { covered, numerator: 1, denominator: 1, what: `full session from ${medium(covered.from, o.locale)}` });
  }
  const periodEnd = period.end!;
  const all = realSessionDates({ ...s.schedule, from: period.start, to: periodEnd });
  const mine = realSessionDates({ ...s.schedule, from: covered.from, to: covered.to ?? periodEnd });
  if (mine.length === 0) return null;
  switch (s.paymentPlan) {
    case 'monthly':
      return line(o, { covered, numerator: mine.length, denominator: all.length, what: `${monthName(period, o.locale)} (${mine.length} of ${all.length} sessions)` });
    case 'per_visit':
      return line(o, { covered, numerator: mine.length, denominator: 1, what: `${monthName(period, o.locale)} (${mine.length} ${mine.length === 1 ? 'visit' : 'visits'})` });
    case 'full_session':
      return line(o, {
        covered,
        numerator: mine.length,
        denominator: all.length,
        what: `full session from ${medium(covered.from, o.locale)} (${mine.length} of ${all.length} sessions)`,
      });
  }
}

/** When the run issues a period's invoice, and when it is due (organization settings; DESIGN.md defaults 7 days before, due on the 1st). */
export function issueAndDueDates(o: { period: BillingPeriod; issueDaysBefore: number; dueDayOfMonth: number }): {
  issueOn: Temporal.PlainDate;
  dueOn: Temporal.PlainDate;
} {
  const { start } = o.period;
  const dueOn = start.with({ day: Math.min(o.dueDayOfMonth, start.daysInMonth) });
  return { issueOn: start.subtract({ days: o.issueDaysBefore }), dueOn: Temporal.PlainDate.compare(dueOn, start) < 0 ? start : dueOn };
}

function monthOf(date: Temporal.PlainDate): BillingPeriod {
  const start = date.with({ day: 1 });
  return { start, end: start.add({ months: 1 }) };
}

/** The whole series: its first date to its end; widened to `date` if that is a date moved outside it. */
function seriesPeriod(schedule: SessionSchedule, date: Temporal.PlainDate): BillingPeriod {
  const { startsOn, endsOn } = schedule.recurrence;
  const start = Temporal.PlainDate.compare(date, startsOn) < 0 ? date : startsOn;
  if (endsOn === null) return { start, end: null };
  const afterDate = date.add({ days: 1 });
  return { start, end: Temporal.PlainDate.compare(afterDate, endsOn) > 0 ? afterDate : endsOn };
}

function inRange(date: Temporal.PlainDate, o: { from: Temporal.PlainDate; to: Temporal.PlainDate }) {
  return Temporal.PlainDate.compare(date, o.from) >= 0 && Temporal.PlainDate.compare(date, o.to) < 0;
}

/** The part of the period inside the subscription: [max(starts), min(ends)); null when they do not meet. */
function coveredRange(s: BilledSubscription, period: BillingPeriod): { from: Temporal.PlainDate; to: Temporal.PlainDate | null } | null {
  const from = Temporal.PlainDate.compare(s.startsOn, period.start) > 0 ? s.startsOn : period.start;
  const ends = [period.end, s.endsOn].filter((d): d is Temporal.PlainDate => d !== null);
  const to = ends.length === 0 ? null : ends.reduce((a, b) => (Temporal.PlainDate.compare(a, b) <= 0 ? a : b));
  if (to !== null && Temporal.PlainDate.compare(from, to) >= 0) return null;
  return { from, to };
}

function line(
  o: { subscription: BilledSubscription; period: BillingPeriod },
  l: { covered: { from: Temporal.PlainDate; to: Temporal.PlainDate | null }; numerator: number; denominator: number; what: string },
): PeriodInvoice {
  const amount = divideRounded({ amount: o.subscription.price, numerator: l.numerator, denominator: l.denominator });
  return {
    period: o.period,
    lines: [
      {
        description: `${o.subscription.sessionName} — ${l.what}`,
        periodStart: l.covered.from.toString(),
        periodEnd: l.covered.to?.toString() ?? null,
        quantityNumerator: l.numerator,
        quantityDenominator: l.denominator,
        unitAmount: o.subscription.price,
        amount,
      },
    ],
    subtotal: amount,
  };
}

function monthName(period: BillingPeriod, locale: string) {
  return formatPlainDate(period.start, locale, { month: 'long', year: 'numeric' });
}

function medium(date: Temporal.PlainDate, locale: string) {
  return formatPlainDate(date, locale, { dateStyle: 'medium' });
}
