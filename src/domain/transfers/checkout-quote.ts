import { Temporal } from 'temporal-polyfill';
import { invoiceForPeriod, periodsStartingIn, type BillingPeriod, type PeriodInvoice } from '../billing/billing-periods.js';
import { firstInvoice, type InvoiceLineDraft } from '../billing/first-invoice.js';
import type { PaymentPlan } from '../billing/value-sets.js';
import { formatMoney } from '../billing/money.js';
import { formatPlainDate } from '../formatting/intl-formats.js';
import { weeklyTime } from '../formatting/weekly-time.js';
import { unusedPaidSessions, type PaidPeriod } from '../billing/transfer-credit.js';
import type { SessionSchedule } from '../schedule/session-dates.js';
import { sessionsPerMonth } from '../schedule/sessions-per-month.js';
import type { TransferPlan } from './plan-transfer.js';

export interface QuoteSession {
  name: string;
  schedule: SessionSchedule;
  paymentPlan: PaymentPlan;
  price: number;
  instructorName: string;
}

interface Change<T> {
  from: T;
  to: T;
}

/** One of the old enrollment's later invoices the transfer voids, and what bills its period instead (E8). */
export interface HorizonChange {
  periodStart: string;
  label: string;
  replaces: { invoiceId: string; sessionName: string; total: number };
  by: { sessionName: string; total: number } | null;
}

export interface CheckoutQuote {
  invoice: { lines: InvoiceLineDraft[]; subtotal: number; dueOn: string; period: BillingPeriod };
  changes: {
    /** Read together with paymentPlan: a monthly price and a per-visit price are not the same kind of number. */
    price: Change<number>;
    paymentPlan: Change<PaymentPlan>;
    /** Real dates of each session in the month of the first session date. */
    sessionsPerMonth: Change<number> & { month: string };
    /** Such as "Tue 16:00". */
    time: Change<string>;
    instructor: Change<string>;
  };
  unusedPaidSessions: { dates: string[]; amount: number; arithmetic: string[] };
  billingHorizon: HorizonChange[];
  /** The new enrollment's invoices for the later periods whose old invoices the transfer voids. */
  horizonInvoices: PeriodInvoice[];
  /** A suggestion only: staff choose whether to apply it. Null when there is nothing to credit. */
  suggestedCredit: { amount: number; reason: string; arithmetic: string[] } | null;
}

/** What checkout shows for a planned transfer: the first invoice, what changes, and a suggested credit with its arithmetic. */
export function quoteCheckout(o: {
  plan: TransferPlan;
  from: QuoteSession;
  to: QuoteSession;
  paidPeriods: readonly PaidPeriod[];
  /** The old enrollment's open, unpaid invoices due on or after its new end: the transfer voids them. */
  voidable: readonly VoidableInvoice[];
  currency: string;
  locale: string;
  today: Temporal.PlainDate;
}): CheckoutQuote {
  const { plan, from, to, locale } = o;
  const money = (amount: number) => formatMoney({ amount, currency: o.currency, locale });

  const invoice = firstInvoice({
    sessionName: to.name,
    schedule: to.schedule,
    paymentPlan: to.paymentPlan,
    price: to.price,
    firstSessionDate: plan.firstSessionDate,
    locale,
  });
  const dueOn = Temporal.PlainDate.compare(o.today, plan.firstSessionDate) >= 0 ? o.today : plan.firstSessionDate;

  const month = plan.firstSessionDate.toPlainYearMonth();
  const unused = unusedPaidSessions({
    sessionName: from.name,
    schedule: from.schedule,
    newEndsOn: plan.oldEndsOn,
    paidPeriods: o.paidPeriods,
    currency: o.currency,
    locale,
  });

  const creditAmount = Math.min(unused.amount, invoice.subtotal);
  const count = unused.dates.length;
  const suggestedCredit =
    creditAmount === 0
      ? null
      : {
          amount: creditAmount,
          reason: `Credit for ${count} unused paid ${count === 1 ? 'session' : 'sessions'} of ${from.name}`,
          arithmetic:
            creditAmount < unused.amount
              ? [
                  ...unused.arithmetic,
                  `Capped at the new invoice's ${money(invoice.subtotal)}; the other ` +
                    `${money(unused.amount - creditAmount)} can go to the family's account balance.`,
                ]
              : unused.arithmetic,
        };

  const horizon = keepBillingHorizon({ ...o, firstPeriod: invoice.period, firstSubtotal: invoice.subtotal, money });
  return {
    invoice: { lines: invoice.lines, subtotal: invoice.subtotal, dueOn: dueOn.toString(), period: invoice.period },
    changes: {
      price: { from: from.price, to: to.price },
      paymentPlan: { from: from.paymentPlan, to: to.paymentPlan },
      sessionsPerMonth: {
        month: month.toString(),
        from: sessionsPerMonth({ ...from.schedule, month }),
        to: sessionsPerMonth({ ...to.schedule, month }),
      },
      time: { from: weeklyTime({ schedule: from.schedule, locale }), to: weeklyTime({ schedule: to.schedule, locale }) },
      instructor: { from: from.instructorName, to: to.instructorName },
    },
    unusedPaidSessions: { dates: unused.dates.map(String), amount: unused.amount, arithmetic: unused.arithmetic },
    billingHorizon: horizon.changes,
    horizonInvoices: horizon.invoices,
    suggestedCredit,
  };
}

export interface VoidableInvoice {
  invoiceId: string;
  /** Its billing period (the key the new enrollment's invoice takes). */
  periodStart: Temporal.PlainDate;
  periodEnd: Temporal.PlainDate | null;
  /** What it still asks for, taken back when it is voided. */
  total: number;
}

/**
 * DESIGN.md "A transfer keeps the billing horizon": for every period whose old invoice the
 * transfer voids, the new enrollment's invoice for the same period (the checkout's own invoice
 * when it is that period), so the family's balance never drops just because of a transfer.
 */
function keepBillingHorizon(o: {
  plan: TransferPlan;
  from: QuoteSession;
  to: QuoteSession;
  voidable: readonly VoidableInvoice[];
  firstPeriod: BillingPeriod;
  firstSubtotal: number;
  locale: string;
  money: (amount: number) => string;
}): { changes: HorizonChange[]; invoices: PeriodInvoice[] } {
  const subscription = { ...o.to, sessionName: o.to.name, startsOn: o.plan.firstSessionDate, endsOn: null };
  const changes: HorizonChange[] = [];
  const invoices: PeriodInvoice[] = [];
  for (const old of o.voidable) {
    const to = old.periodEnd ?? old.periodStart.add({ days: 1 });
    const periods = periodsStartingIn({ subscription, from: old.periodStart, to });
    const bills = periods
      .filter((p) => !p.start.equals(o.firstPeriod.start))
      .map((period) => invoiceForPeriod({ subscription, period, locale: o.locale }))
      .filter((bill): bill is PeriodInvoice => bill !== null);
    invoices.push(...bills);
    const coveredByCheckout = periods.some((p) => p.start.equals(o.firstPeriod.start));
    const total = bills.reduce((sum, bill) => sum + bill.subtotal, coveredByCheckout ? o.firstSubtotal : 0);
    const when = formatPlainDate(old.periodStart, o.locale, { month: 'long', year: 'numeric' });
    const by = bills.length > 0 || coveredByCheckout ? { sessionName: o.to.name, total } : null;
    changes.push({
      periodStart: old.periodStart.toString(),
      label: by
        ? `${when}: ${o.to.name} ${o.money(total)} replaces ${o.from.name} ${o.money(old.total)}`
        : `${when}: ${o.from.name} ${o.money(old.total)} is voided; ${o.to.name} has no dates to bill then`,
      replaces: { invoiceId: old.invoiceId, sessionName: o.from.name, total: old.total },
      by,
    });
  }
  return { changes, invoices };
}

