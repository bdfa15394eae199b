import { Temporal } from 'temporal-polyfill';
import { formatPlainDate, writeDate } from '../formatting/intl-formats.js';
import { AppError } from '../errors.js';
import { isRealSessionDate, realSessionDates, type SessionSchedule } from '../schedule/session-dates.js';
import { realSessionDatesInMonth } from '../schedule/sessions-per-month.js';
import { assertMinorUnits, divideRounded } from './money.js';
import type { PaymentPlan } from './value-sets.js';



/** One line of an invoice before it is stored; dates are ISO, amounts minor units. */
export interface InvoiceLineDraft {
  description: string;
  periodStart: string;
  /** Exclusive; null for an open-ended session's flat full-session price, which covers no fixed period. */
  periodEnd: string | null;
  quantityNumerator: number;
  quantityDenominator: number;
  unitAmount: number;
  amount: number;
}

export interface FirstInvoice {
  lines: InvoiceLineDraft[];
  subtotal: number;
  periodStart: Temporal.PlainDate;
  /** Exclusive; null as for the line. */
  periodEnd: Temporal.PlainDate | null;
}

/**
 * A new subscription's first invoice by the session's payment plan, counted from real session
 * dates (cancelled excluded), never "4 weeks a month"; each amount rounded once.
 */
export function firstInvoice(o: {
  sessionName: string;
  schedule: SessionSchedule;
  paymentPlan: PaymentPlan;
  price: number;
  firstSessionDate: Temporal.PlainDate;
  locale: string;
}): FirstInvoice {
  assertMinorUnits(o.price, 'price');
  if (o.price < 0) {
    throw new AppError('VALIDATION_FAILED', 'A session price cannot be negative.');
  }
  if (!isRealSessionDate({ ...o.schedule, date: o.firstSessionDate })) {
    throw new AppError(
      'NOT_A_SESSION_DATE',
      `${o.sessionName} does not meet on ${writeDate(o.firstSessionDate, o.locale)}; pick one of its session dates.`,
      { fields: [{ field: 'body.firstSessionDate', message: `not a session date of ${o.sessionName}` }] },
    );
  }
  switch (o.paymentPlan) {
    case 'monthly':
      return monthly(o);
    case 'full_session':
      return fullSession(o);
    case 'per_visit':
      return perVisit(o);
  }
}

type Options = Parameters<typeof firstInvoice>[0];

/** The month of the first date, prorated by its real dates on or after it: price × k / n. */
function monthly(o: Options): FirstInvoice {
  const month = o.firstSessionDate.toPlainYearMonth();
  const inMonth = realSessionDatesInMonth({ ...o.schedule, month });
  const remaining = inMonth.filter((d) => Temporal.PlainDate.compare(d, o.firstSessionDate) >= 0).length;
  const periodStart = o.firstSessionDate;
  const periodEnd = month.toPlainDate({ day: 1 }).add({ months: 1 });
  const monthName = formatPlainDate(month.toPlainDate({ day: 1 }), o.locale, { month: 'long', year: 'numeric' });
  return single({
    description: `${o.sessionName} — ${monthName} (${remaining} of ${inMonth.length} sessions)`,
    periodStart,
    periodEnd,
    numerator: remaining,
    denominator: inMonth.length,
    price: o.price,
  });
}

/** The rest of the series: price × remaining real dates / all real dates; flat for an open-ended session. */
function fullSession(o: Options): FirstInvoice {
  const { startsOn, endsOn } = o.schedule.recurrence;
  const from = formatPlainDate(o.firstSessionDate, o.locale, { dateStyle: 'medium' });
  if (endsOn === null) {
    return single({
      description: `${o.sessionName} — full session from ${from}`,
      periodStart: o.firstSessionDate,
      periodEnd: null,
      numerator: 1,
      denominator: 1,
      price: o.price,
    });
  }
  // The series' own range, widened only if the first date is a date moved outside it.
  const first = o.firstSessionDate;
  const seriesFrom = Temporal.PlainDate.compare(first, startsOn) < 0 ? first : startsOn;
  const dayAfterFirst = first.add({ days: 1 });
  const periodEnd = Temporal.PlainDate.compare(dayAfterFirst, endsOn) > 0 ? dayAfterFirst : endsOn;
  const all = realSessionDates({ ...o.schedule, from: seriesFrom, to: periodEnd });
  const remaining = all.filter((d) => Temporal.PlainDate.compare(d, first) >= 0);
  return single({
    description: `${o.sessionName} — full session from ${from} (${remaining.length} of ${all.length} sessions)`,
    periodStart: o.firstSessionDate,
    periodEnd,
    numerator: remaining.length,
    denominator: all.length,
    price: o.price,
  });
}

function perVisit(o: Options): FirstInvoice {
  const on = formatPlainDate(o.firstSessionDate, o.locale, { dateStyle: 'medium' });
  return single({
    description: `${o.sessionName} — visit on ${on}`,
    periodStart: o.firstSessionDate,
    periodEnd: o.firstSessionDate.add({ days: 1 }),
    numerator: 1,
    denominator: 1,
    price: o.price,
  });
}

function single(o: {
  description: string;
  periodStart: Temporal.PlainDate;
  periodEnd: Temporal.PlainDate | null;
  numerator: number;
  denominator: number;
  price: number;
}): FirstInvoice {
  const amount = divideRounded({ amount: o.price, numerator: o.numerator, denominator: o.denominator });
  return {
    lines: [
      {
        description: o.description,
        periodStart: o.periodStart.toString(),
        periodEnd: o.periodEnd?.toString() ?? null,
        quantityNumerator: o.numerator,
        quantityDenominator: o.denominator,
        unitAmount: o.price,
        amount,
      },
    ],
    subtotal: amount,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
  };
}
