import { Temporal } from 'temporal-polyfill';
import { formatPlainDate } from '../formatting/intl-formats.js';
import { AppError } from '../errors.js';
import { realSessionDates, type SessionSchedule } from '../schedule/session-dates.js';
import { assertMinorUnits, divideRounded, formatMoney } from './money.js';

/** What was actually paid for one invoiced period of the old subscription. */
export interface PaidPeriod {
  invoiceId: string;
  periodStart: Temporal.PlainDate;
  /** Exclusive. */
  periodEnd: Temporal.PlainDate;
  amountPaid: number;
}

export interface UnusedPaidSessions {
  /** The paid dates on or after the new end, in calendar order. */
  dates: Temporal.PlainDate[];
  amount: number;
  /** One human sentence per paid period with unused dates, showing how its credit was computed. */
  arithmetic: string[];
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * The value of the old subscription's paid sessions it will no longer attend: for each paid period,
 * amountPaid × (its real dates on or after the new end) / (its real dates), rounded once.
 */
export function unusedPaidSessions(o: {
  sessionName: string;
  schedule: SessionSchedule;
  newEndsOn: Temporal.PlainDate;
  paidPeriods: readonly PaidPeriod[];
  currency: string;
  locale: string;
}): UnusedPaidSessions {
  const money = (amount: number) => formatMoney({ amount, currency: o.currency, locale: o.locale });
  const dates = new Map<string, Temporal.PlainDate>();
  const arithmetic: string[] = [];
  let amount = 0;

  for (const paid of o.paidPeriods) {
    assertPaidPeriod(paid);
    const inPeriod = realSessionDates({ ...o.schedule, from: paid.periodStart, to: paid.periodEnd });
    const unused = inPeriod.filter((d) => Temporal.PlainDate.compare(d, o.newEndsOn) >= 0);
    if (unused.length === 0 || paid.amountPaid === 0) continue;

    const n = inPeriod.length;
    const k = unused.length;
    const credit = divideRounded({ amount: paid.amountPaid, numerator: k, denominator: n });
    amount += credit;
    for (const d of unused) dates.set(d.toString(), d);

    const exact = paid.amountPaid % n === 0;
    const each = divideRounded({ amount: paid.amountPaid, numerator: 1, denominator: n });
    const shortDates = unused.map((d) => formatPlainDate(d, o.locale, { month: 'short', day: 'numeric' })).join(', ');
    const roundedOnce = exact ? '' : ` (${money(paid.amountPaid)} × ${k} / ${n}, rounded once)`;
    arithmetic.push(
      `${periodLabel({ ...paid, locale: o.locale })} was paid for ${sessionsNoun({ dates: inPeriod })} at ` +
        `${money(paid.amountPaid)} / ${n} ${exact ? '=' : '≈'} ${money(each)} each; ` +
        `${k} of them (${shortDates}) will not be attended → ${money(credit)}${roundedOnce}`,
    );
  }

  return { dates: [...dates.values()].sort(Temporal.PlainDate.compare), amount, arithmetic };
}

function assertPaidPeriod(paid: PaidPeriod): void {
  assertMinorUnits(paid.amountPaid, 'amountPaid');
  if (paid.amountPaid < 0) {
    throw new AppError('VALIDATION_FAILED', `Invoice ${paid.invoiceId} cannot have a negative amount paid.`);
  }
  if (Temporal.PlainDate.compare(paid.periodEnd, paid.periodStart) <= 0) {
    throw new AppError(
      'INVALID_DATE_RANGE',
      `The paid period of invoice ${paid.invoiceId} must end after it starts ` +
        `(${paid.periodStart.toString()} to ${paid.periodEnd.toString()}).`,
    );
  }
}

/** "March 2027" for a calendar month, otherwise its first and last day. */
function periodLabel(o: { periodStart: Temporal.PlainDate; periodEnd: Temporal.PlainDate; locale: string }): string {
  const { periodStart, periodEnd, locale } = o;
  if (periodStart.day === 1 && periodStart.add({ months: 1 }).equals(periodEnd)) {
    return formatPlainDate(periodStart, locale, { month: 'long', year: 'numeric' });
  }
  const last = periodEnd.subtract({ days: 1 });
  return `${formatPlainDate(periodStart, locale, { dateStyle: 'medium' })} – ${formatPlainDate(last, locale, { dateStyle: 'medium' })}`;
}

/** "5 Tuesdays" when every date is the same weekday, else "5 sessions". */
function sessionsNoun(o: { dates: readonly Temporal.PlainDate[] }): string {
  const n = o.dates.length;
  const weekdays = new Set(o.dates.map((d) => d.dayOfWeek));
  const [only] = weekdays;
  const noun = (weekdays.size === 1 && only !== undefined && WEEKDAYS[only - 1]) || 'session';
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
