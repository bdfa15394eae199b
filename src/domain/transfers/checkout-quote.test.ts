import { describe, expect, it } from 'vitest';
import { settle } from '../billing/checkout-finish.js';
import { applyDiscounts } from '../billing/discounts.js';
import { formatMoney } from '../billing/money.js';
import type { PaidPeriod } from '../billing/transfer-credit.js';
import { quoteCheckout, type QuoteSession, type VoidableInvoice } from './checkout-quote.js';
import { planTransfer } from './plan-transfer.js';
import { beginnersTue, date, intermediateThu, intermediateThuE2, maya, prices, swimTeamSat, usd } from './testing/riverside.js';

const from: QuoteSession = { ...beginnersTue, paymentPlan: 'monthly', price: prices.beginnersTue };
const to: QuoteSession = { ...intermediateThu, paymentPlan: 'monthly', price: prices.intermediateThu };
const marchPaid: PaidPeriod = {
  invoiceId: 'invoice-maya-march',
  periodStart: date('2027-03-01'),
  periodEnd: date('2027-04-01'),
  amountPaid: 8_000,
};

function e1Plan(target = intermediateThu) {
  return planTransfer({
    ...maya,
    transferDate: date('2027-03-16'),
    target,
    targetEnrollments: [],
    otherEnrollments: [],
    locale: 'en-US',
    today: date('2027-03-16'),
  });
}

const e1Quote = () =>
  quoteCheckout({ plan: e1Plan(), from, to, paidPeriods: [marchPaid], ...usd, voidable: [], today: date('2027-03-16') });

describe('quoteCheckout', () => {
  it('E1: first invoice $50.00, unused $48.00, suggested credit $48.00 with its arithmetic', () => {
    const quote = e1Quote();
    expect(quote.invoice.subtotal).toBe(5_000);
    expect(quote.invoice.lines.map((l) => l.description)).toEqual(['Intermediate Thu — March 2027 (2 of 4 sessions)']);
    expect(quote.invoice.dueOn).toBe('2027-03-18');
    expect(quote.unusedPaidSessions).toEqual({
      dates: ['2027-03-16', '2027-03-23', '2027-03-30'],
      amount: 4_800,
      arithmetic: [
        'March 2027 was paid for 5 Tuesdays at $80.00 / 5 = $16.00 each; ' +
          '3 of them (Mar 16, Mar 23, Mar 30) will not be attended → $48.00',
      ],
    });
    expect(quote.suggestedCredit).toEqual({
      amount: 4_800,
      reason: 'Credit for 3 unused paid sessions of Beginners Tue',
      arithmetic: quote.unusedPaidSessions.arithmetic,
    });
  });

  it('E1: shows what changes: price, sessions in March 2027, time and instructor', () => {
    expect(e1Quote().changes).toEqual({
      price: { from: 8_000, to: 10_000 },
      paymentPlan: { from: 'monthly', to: 'monthly' },
      sessionsPerMonth: { month: '2027-03', from: 5, to: 4 },
      time: { from: 'Tue 16:00', to: 'Thu 17:00' },
      instructor: { from: 'Dana Brooks', to: 'Sam Ortiz' },
    });
  });

  it('E1: the credit applied as an amount discount leaves $2.00, then each finish settles it', () => {
    const quote = e1Quote();
    const credit = quote.suggestedCredit!;
    const { total } = applyDiscounts({
      subtotal: quote.invoice.subtotal,
      discounts: [{ kind: 'amount', amount: credit.amount, reason: credit.reason }],
      money: usd,
    });
    expect(formatMoney({ amount: total, ...usd })).toBe('$2.00');
    expect(settle({ total, finish: { kind: 'pay_now', amount: 200, method: 'cash' } })).toMatchObject({ status: 'paid', amountDue: 0 });
    expect(settle({ total, finish: { kind: 'pay_later' } })).toMatchObject({ status: 'open', amountDue: 200 });
    expect(settle({ total, finish: { kind: 'close_now', reason: 'covered by March tuition' } })).toMatchObject({
      status: 'closed',
      writeOff: 200,
      amountDue: 0,
    });
  });

  it('E2: with 2027-03-25 cancelled the first invoice is $33.33, so the credit is capped there', () => {
    const quote = quoteCheckout({
      plan: e1Plan(intermediateThuE2),
      from,
      to: { ...to, schedule: intermediateThuE2.schedule },
      paidPeriods: [marchPaid],
      ...usd,
      voidable: [],
      today: date('2027-03-16'),
    });
    expect(quote.invoice.subtotal).toBe(3_333);
    expect(quote.changes.sessionsPerMonth).toEqual({ month: '2027-03', from: 5, to: 3 });
    expect(quote.suggestedCredit?.amount).toBe(3_333);
    expect(quote.suggestedCredit?.arithmetic.at(-1)).toBe(
      "Capped at the new invoice's $33.33; the other $14.67 can go to the family's account balance.",
    );
  });

  it('E3: a 15 % discount on the E2 invoice of $33.33 is $5.00, leaving $28.33', () => {
    const quote = quoteCheckout({
      plan: e1Plan(intermediateThuE2),
      from,
      to: { ...to, schedule: intermediateThuE2.schedule },
      paidPeriods: [],
      ...usd,
      voidable: [],
      today: date('2027-03-16'),
    });
    const result = applyDiscounts({
      subtotal: quote.invoice.subtotal,
      discounts: [{ kind: 'percent', basisPoints: 1_500, reason: 'Sibling discount' }],
    });
    expect(result).toEqual({ discountTotal: 500, total: 2_833, amounts: [500] });
  });

  it('E4: Pay Now $20.00 by check on the $50.00 invoice leaves $30.00 open', () => {
    const quote = quoteCheckout({ plan: e1Plan(), from, to, paidPeriods: [], ...usd, voidable: [], today: date('2027-03-16') });
    const finish = { kind: 'pay_now', amount: 2_000, method: 'check', reference: 'Check no. 1042' } as const;
    expect(settle({ total: quote.invoice.subtotal, finish })).toEqual({
      status: 'open',
      payment: 2_000,
      writeOff: 0,
      amountDue: 3_000,
    });
  });

  it('suggests no credit when nothing paid is left unused', () => {
    const quote = quoteCheckout({ plan: e1Plan(), from, to, paidPeriods: [], ...usd, voidable: [], today: date('2027-03-16') });
    expect(quote.unusedPaidSessions).toEqual({ dates: [], amount: 0, arithmetic: [] });
    expect(quote.suggestedCredit).toBeNull();
  });

  it('is due today when the first session date has passed (a back-dated transfer)', () => {
    expect(
      quoteCheckout({ plan: e1Plan(), from, to, paidPeriods: [marchPaid], ...usd, voidable: [], today: date('2027-03-20') }).invoice.dueOn,
    ).toBe('2027-03-20');
  });

  it('shows a change of plan and several weekdays', () => {
    const twiceAWeek: QuoteSession = {
      ...swimTeamSat,
      schedule: { ...swimTeamSat.schedule, recurrence: { ...swimTeamSat.schedule.recurrence, weekdays: [6, 3] } },
      paymentPlan: 'per_visit',
      price: 2_000,
    };
    const quote = quoteCheckout({
      plan: { ...e1Plan(), firstSessionDate: date('2027-03-17') },
      from,
      to: twiceAWeek,
      paidPeriods: [],
      ...usd,
      voidable: [],
      today: date('2027-03-16'),
    });
    expect(quote.changes.time).toEqual({ from: 'Tue 16:00', to: 'Wed, Sat 09:00' });
    expect(quote.changes.paymentPlan).toEqual({ from: 'monthly', to: 'per_visit' });
    // Per visit bills the month: Wed 17, Sat 20, Wed 24, Sat 27, Wed 31 March at $20.00.
    expect(quote.invoice.subtotal).toBe(10_000);
  });
});

describe('the billing horizon (E8)', () => {
  const april: VoidableInvoice = { invoiceId: 'invoice-maya-april', periodStart: date('2027-04-01'), periodEnd: date('2027-05-01'), total: 8_000 };

  it('April 2027: Intermediate Thu $100.00 replaces Beginners Tue $80.00, and the new April invoice is issued', () => {
    const quote = quoteCheckout({ plan: e1Plan(), from, to, paidPeriods: [marchPaid], ...usd, voidable: [april], today: date('2027-03-16') });
    expect(quote.billingHorizon).toEqual([
      {
        periodStart: '2027-04-01',
        label: 'April 2027: Intermediate Thu $100.00 replaces Beginners Tue $80.00',
        replaces: { invoiceId: 'invoice-maya-april', sessionName: 'Beginners Tue', total: 8_000 },
        by: { sessionName: 'Intermediate Thu', total: 10_000 },
      },
    ]);
    expect(quote.horizonInvoices.map((i) => [i.period.start.toString(), i.subtotal])).toEqual([['2027-04-01', 10_000]]);
  });

  it('a voided period that is the checkout’s own is not billed twice', () => {
    const march: VoidableInvoice = { invoiceId: 'invoice-maya-march', periodStart: date('2027-03-01'), periodEnd: date('2027-04-01'), total: 8_000 };
    const quote = quoteCheckout({ plan: e1Plan(), from, to, paidPeriods: [], ...usd, voidable: [march, april], today: date('2027-03-16') });
    expect(quote.billingHorizon.map((c) => c.label)).toEqual([
      'March 2027: Intermediate Thu $50.00 replaces Beginners Tue $80.00',
      'April 2027: Intermediate Thu $100.00 replaces Beginners Tue $80.00',
    ]);
    expect(quote.horizonInvoices.map((i) => i.period.start.toString())).toEqual(['2027-04-01']);
  });
});
