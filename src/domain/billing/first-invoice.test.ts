import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { realSessionDatesInMonth } from '../schedule/sessions-per-month.js';
import { caughtAppError } from '../testing/caught-app-error.js';
import { cancelled, date, intermediateThu, intermediateThuE2, weekly } from '../transfers/testing/riverside.js';
import { firstInvoice } from './first-invoice.js';
import { divideRounded } from './money.js';

const thursdays = { sessionName: 'Intermediate Thu', schedule: intermediateThu.schedule, locale: 'en-US' };

describe('firstInvoice', () => {
  describe('monthly', () => {
    it('E1: $100.00 × 2 of 4 March Thursdays from 2027-03-18 = $50.00', () => {
      const invoice = firstInvoice({ ...thursdays, paymentPlan: 'monthly', price: 10_000, firstSessionDate: date('2027-03-18') });
      expect(invoice.lines).toEqual([
        {
          description: 'Intermediate Thu — March 2027 (2 of 4 sessions)',
          periodStart: '2027-03-18',
          periodEnd: '2027-04-01',
          quantityNumerator: 2,
          quantityDenominator: 4,
          unitAmount: 10_000,
          amount: 5_000,
        },
      ]);
      expect(invoice.subtotal).toBe(5_000);
      // Billed for the month of March (the period's key), covering 18 March to the end of the month.
      expect([invoice.period.start.toString(), invoice.period.end?.toString()]).toEqual(['2027-03-01', '2027-04-01']);
    });

    it('E2: with 2027-03-25 cancelled, $100.00 × 1/3 = $33.33', () => {
      const invoice = firstInvoice({
        ...thursdays,
        schedule: intermediateThuE2.schedule,
        paymentPlan: 'monthly',
        price: 10_000,
        firstSessionDate: date('2027-03-18'),
      });
      expect(invoice.subtotal).toBe(3_333);
      expect(invoice.lines[0]).toMatchObject({
        description: 'Intermediate Thu — March 2027 (1 of 3 sessions)',
        quantityNumerator: 1,
        quantityDenominator: 3,
      });
    });

    it('E1 later: a whole month is the monthly price, whatever its count (April 2027 has 5 Thursdays)', () => {
      const invoice = firstInvoice({ ...thursdays, paymentPlan: 'monthly', price: 10_000, firstSessionDate: date('2027-04-01') });
      expect(invoice.subtotal).toBe(10_000);
      expect(invoice.lines[0]?.description).toBe('Intermediate Thu — April 2027 (5 of 5 sessions)');
    });

    it('names the month in the organization’s locale', () => {
      const invoice = firstInvoice({
        ...thursdays,
        locale: 'de-DE',
        paymentPlan: 'monthly',
        price: 10_000,
        firstSessionDate: date('2027-03-18'),
      });
      expect(invoice.lines[0]?.description).toBe('Intermediate Thu — März 2027 (2 of 4 sessions)');
    });

    it('property: price × k / n rounded half away from zero, never above the price', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 100_000_000 }),
          fc.integer({ min: 0, max: 120 }),
          fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8], { maxLength: 3 }),
          (price, week, cancelledWeeks) => {
            const firstSessionDate = date('2027-01-07').add({ weeks: week });
            const exceptions = cancelledWeeks
              .map((w) => firstSessionDate.add({ weeks: w - 4 }))
              .filter((d) => !d.equals(firstSessionDate))
              .map((d) => cancelled(d.toString()));
            const schedule = { ...intermediateThu.schedule, exceptions };
            const invoice = firstInvoice({ ...thursdays, schedule, paymentPlan: 'monthly', price, firstSessionDate });
            const inMonth = realSessionDatesInMonth({ ...schedule, month: firstSessionDate.toPlainYearMonth() });
            const k = inMonth.filter((d) => Temporal.PlainDate.compare(d, firstSessionDate) >= 0).length;
            expect(invoice.subtotal).toBe(divideRounded({ amount: price, numerator: k, denominator: inMonth.length }));
            expect(invoice.subtotal).toBeLessThanOrEqual(price);
            expect(invoice.subtotal).toBeGreaterThanOrEqual(0);
          },
        ),
      );
    });
  });

  describe('full_session', () => {
    const springTerm = weekly({
      weekday: 4,
      at: '17:00',
      minutes: 45,
      startsOn: '2027-03-04',
      endsOn: '2027-05-27',
      exceptions: [cancelled('2027-04-15')],
    });

    it('charges the remaining real dates of the series: $240.00 × 6 of 11', () => {
      // Thursdays 2027-03-04 .. 2027-05-20 are 12, less the cancelled 04-15; from 04-08: 04-08, 22, 29, 05-06, 13, 20.
      const invoice = firstInvoice({
        sessionName: 'Spring Thu',
        schedule: springTerm,
        paymentPlan: 'full_session',
        price: 24_000,
        firstSessionDate: date('2027-04-08'),
        locale: 'en-US',
      });
      expect(invoice.lines).toEqual([
        {
          description: 'Spring Thu — full session from Apr 8, 2027 (6 of 11 sessions)',
          periodStart: '2027-04-08',
          periodEnd: '2027-05-27',
          quantityNumerator: 6,
          quantityDenominator: 11,
          unitAmount: 24_000,
          amount: 13_091, // 24000 × 6 / 11 = 13090.9…
        },
      ]);
      expect(invoice.subtotal).toBe(13_091);
    });

    it('charges the full price from the first date of the series', () => {
      const invoice = firstInvoice({
        sessionName: 'Spring Thu',
        schedule: springTerm,
        paymentPlan: 'full_session',
        price: 24_000,
        firstSessionDate: date('2027-03-04'),
        locale: 'en-US',
      });
      expect(invoice.subtotal).toBe(24_000);
    });

    it('charges an open-ended session’s flat price, with no period end', () => {
      const invoice = firstInvoice({ ...thursdays, paymentPlan: 'full_session', price: 30_000, firstSessionDate: date('2027-03-18') });
      expect(invoice.subtotal).toBe(30_000);
      expect(invoice.lines[0]).toMatchObject({ periodStart: '2027-03-18', periodEnd: null, quantityNumerator: 1, quantityDenominator: 1 });
      expect(invoice.period.end).toBeNull();
    });
  });

  it('per_visit: the month of the first visit, each remaining real date at the visit price (DESIGN.md)', () => {
    const invoice = firstInvoice({ ...thursdays, paymentPlan: 'per_visit', price: 2_500, firstSessionDate: date('2027-03-18') });
    expect(invoice.lines).toEqual([
      {
        description: 'Intermediate Thu — March 2027 (2 visits)',
        periodStart: '2027-03-18',
        periodEnd: '2027-04-01',
        quantityNumerator: 2,
        quantityDenominator: 1,
        unitAmount: 2_500,
        amount: 5_000,
      },
    ]);
    // E2's holiday: 2027-03-25 cancelled leaves one visit in March.
    const holiday = firstInvoice({ ...thursdays, schedule: intermediateThuE2.schedule, paymentPlan: 'per_visit', price: 2_500, firstSessionDate: date('2027-03-18') });
    expect(holiday.subtotal).toBe(2_500);
  });

  it('refuses a first date the session does not meet on', () => {
    const error = caughtAppError(() =>
      firstInvoice({
        ...thursdays,
        schedule: intermediateThuE2.schedule,
        paymentPlan: 'monthly',
        price: 10_000,
        firstSessionDate: date('2027-03-25'),
      }),
    );
    expect(error.code).toBe('NOT_A_SESSION_DATE');
    expect(error.fields.map((f) => f.field)).toEqual(['body.firstSessionDate']);
    expect(error.message).toContain('Thu, Mar 25, 2027');
  });

  it('refuses a negative or fractional price', () => {
    const base = { ...thursdays, paymentPlan: 'monthly' as const, firstSessionDate: date('2027-03-18') };
    expect(caughtAppError(() => firstInvoice({ ...base, price: -1 })).message).toBe('A session price cannot be negative.');
    expect(caughtAppError(() => firstInvoice({ ...base, price: 10.5 })).message).toMatch(/whole number/);
  });
});
