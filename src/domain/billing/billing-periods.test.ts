import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { beginnersTue, cancelled, date, intermediateThu, weekly } from '../transfers/testing/riverside.js';
import { invoiceForPeriod, issueAndDueDates, periodContaining, periodsStartingIn, type BilledSubscription } from './billing-periods.js';

const locale = 'en-US';
const thursdays = (o: Partial<BilledSubscription> = {}): BilledSubscription => ({
  sessionName: 'Intermediate Thu',
  schedule: intermediateThu.schedule,
  paymentPlan: 'monthly',
  price: 10_000,
  startsOn: date('2027-03-11'),
  endsOn: null,
  ...o,
});
const billed = (subscription: BilledSubscription, month: string) =>
  invoiceForPeriod({ subscription, period: periodContaining({ subscription, date: date(`${month}-01`) }), locale });

describe('monthly periods (E7)', () => {
  it('Leo from 2027-03-11: March is 3 of 4 Thursdays = $75.00; April is a full month = $100.00 whatever its 5 Thursdays', () => {
    const leo = thursdays();
    expect(billed(leo, '2027-03')).toMatchObject({ subtotal: 7_500, lines: [{ periodStart: '2027-03-11', periodEnd: '2027-04-01', quantityNumerator: 3, quantityDenominator: 4 }] });
    expect(billed(leo, '2027-04')).toMatchObject({ subtotal: 10_000, lines: [{ periodStart: '2027-04-01', periodEnd: '2027-05-01', quantityNumerator: 5, quantityDenominator: 5 }] });
  });

  it('the last month is prorated by the dates before the (exclusive) end; a month with none is not billed', () => {
    const ending = thursdays({ endsOn: date('2027-04-15') });
    expect(billed(ending, '2027-04')).toMatchObject({ subtotal: 4_000, lines: [{ periodEnd: '2027-04-15', quantityNumerator: 2, quantityDenominator: 5 }] });
    expect(billed(ending, '2027-05')).toBeNull();
    // Ending exactly on the first Thursday of a month: nothing of that month is covered.
    expect(billed(thursdays({ endsOn: date('2027-05-06') }), '2027-05')).toBeNull();
  });

  it('a period starting on the first session date, and the last day of a month as the first date', () => {
    const onTheFirst = thursdays({ startsOn: date('2027-04-01') });
    expect(billed(onTheFirst, '2027-04')?.subtotal).toBe(10_000);
    // Tuesday 2027-08-31 is the last day of August and its last Tuesday: 1 of 5.
    const lastDay = { ...thursdays({ sessionName: 'Beginners Tue', schedule: beginnersTue.schedule, price: 8_000 }), startsOn: date('2027-08-31') };
    expect(billed(lastDay, '2027-08')).toMatchObject({ subtotal: 1_600, lines: [{ quantityNumerator: 1, quantityDenominator: 5, periodEnd: '2027-09-01' }] });
  });

  it('29 February: a Tuesday session in February 2028 has 29 February among its 5 dates', () => {
    const leap = { ...thursdays({ sessionName: 'Beginners Tue', schedule: beginnersTue.schedule, price: 8_000 }), startsOn: date('2028-02-29') };
    expect(billed(leap, '2028-02')).toMatchObject({ subtotal: 1_600, lines: [{ periodStart: '2028-02-29', periodEnd: '2028-03-01', quantityNumerator: 1, quantityDenominator: 5 }] });
  });

  it('cancelled dates are not counted, on either side of the fraction (E2)', () => {
    const holiday = thursdays({ schedule: { ...intermediateThu.schedule, exceptions: [cancelled('2027-03-25')] }, startsOn: date('2027-03-18') });
    expect(billed(holiday, '2027-03')).toMatchObject({ subtotal: 3_333, lines: [{ quantityNumerator: 1, quantityDenominator: 3 }] });
  });
});

describe('per visit and full session', () => {
  it('per visit: each covered real date of the month at the visit price', () => {
    expect(billed(thursdays({ paymentPlan: 'per_visit', price: 4_500 }), '2027-04')).toMatchObject({ subtotal: 22_500, lines: [{ quantityNumerator: 5, quantityDenominator: 1, unitAmount: 4_500 }] });
  });

  it('full session: one period for the series, prorated by the dates left when joining late', () => {
    const term = weekly({ weekday: 4, at: '17:00', minutes: 45, startsOn: '2027-01-07', endsOn: '2027-04-01' });
    const late = thursdays({ schedule: term, paymentPlan: 'full_session', price: 24_000, startsOn: date('2027-03-04') });
    const period = periodContaining({ subscription: late, date: date('2027-03-04') });
    expect([period.start.toString(), period.end?.toString()]).toEqual(['2027-01-07', '2027-04-01']);
    // 12 Thursdays in the term, 4 from 2027-03-04.
    expect(invoiceForPeriod({ subscription: late, period, locale })).toMatchObject({ subtotal: 8_000, lines: [{ quantityNumerator: 4, quantityDenominator: 12 }] });
    expect(periodsStartingIn({ subscription: late, from: date('2027-01-01'), to: date('2028-01-01') })).toHaveLength(1);
    expect(periodsStartingIn({ subscription: late, from: date('2027-02-01'), to: date('2028-01-01') })).toHaveLength(0);
  });
});

describe('periodsStartingIn', () => {
  it('the calendar months whose first day is in [from, to)', () => {
    const periods = periodsStartingIn({ subscription: thursdays(), from: date('2027-03-15'), to: date('2027-06-01') });
    expect(periods.map((p) => p.start.toString())).toEqual(['2027-04-01', '2027-05-01']);
  });
});

describe('issueAndDueDates', () => {
  it('defaults: issued 7 days before the period, due on the 1st (E7: April issued on 2027-03-25)', () => {
    const april = { start: date('2027-04-01'), end: date('2027-05-01') };
    const { issueOn, dueOn } = issueAndDueDates({ period: april, issueDaysBefore: 7, dueDayOfMonth: 1 });
    expect([issueOn.toString(), dueOn.toString()]).toEqual(['2027-03-25', '2027-04-01']);
  });

  it('a due day past the end of a short month is its last day', () => {
    const february: { start: Temporal.PlainDate; end: Temporal.PlainDate } = { start: date('2027-02-01'), end: date('2027-03-01') };
    expect(issueAndDueDates({ period: february, issueDaysBefore: 10, dueDayOfMonth: 30 }).dueOn.toString()).toBe('2027-02-28');
    expect(issueAndDueDates({ period: february, issueDaysBefore: 10, dueDayOfMonth: 30 }).issueOn.toString()).toBe('2027-01-22');
  });
});
