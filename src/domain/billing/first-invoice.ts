import { Temporal } from 'temporal-polyfill';
import { writeDate } from '../formatting/intl-formats.js';
import { AppError } from '../errors.js';
import { isRealSessionDate, type SessionSchedule } from '../schedule/session-dates.js';
import { invoiceForPeriod, periodContaining, type BillingPeriod, type InvoiceLineDraft } from './billing-periods.js';
import { assertMinorUnits } from './money.js';
import type { PaymentPlan } from './value-sets.js';

export type { InvoiceLineDraft };

export interface FirstInvoice {
  lines: InvoiceLineDraft[];
  subtotal: number;
  /** The billing period the invoice is for (its key: one live invoice per subscription and period). */
  period: BillingPeriod;
}

/**
 * A new subscription's first invoice: the billing period holding its first session date,
 * counted from real session dates (cancelled excluded), never "4 weeks a month"; rounded once.
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
  const subscription = { ...o, startsOn: o.firstSessionDate, endsOn: null };
  const period = periodContaining({ subscription, date: o.firstSessionDate });
  // The first date is a real date the subscription covers, so the period has something to bill.
  const invoice = invoiceForPeriod({ subscription, period, locale: o.locale })!;
  return { lines: invoice.lines, subtotal: invoice.subtotal, period };
}
