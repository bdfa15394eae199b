import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caughtAppError } from '../testing/caught-app-error.js';
import { beginnersTue, cancelled, date, usd } from '../transfers/testing/riverside.js';
import { unusedPaidSessions, type PaidPeriod } from './transfer-credit.js';

const march: PaidPeriod = {
  invoiceId: 'invoice-march',
  periodStart: date('2027-03-01'),
  periodEnd: date('2027-04-01'),
  amountPaid: 8_000,
};
const beginners = { sessionName: 'Beginners Tue', schedule: beginnersTue.schedule, ...usd };

describe('unusedPaidSessions', () => {
  it('E1: March paid for 5 Tuesdays, 3 from 2027-03-16 on are not attended → $48.00', () => {
    const result = unusedPaidSessions({ ...beginners, newEndsOn: date('2027-03-16'), paidPeriods: [march] });
    expect(result.dates.map(String)).toEqual(['2027-03-16', '2027-03-23', '2027-03-30']);
    expect(result.amount).toBe(4_800);
    expect(result.arithmetic).toEqual([
      'March 2027 was paid for 5 Tuesdays at $80.00 / 5 = $16.00 each; ' +
        '3 of them (Mar 16, Mar 23, Mar 30) will not be attended → $48.00',
    ]);
  });

  it('leaves out cancelled dates from both counts, and rounds once when the share is not exact', () => {
    const schedule = { ...beginnersTue.schedule, exceptions: [cancelled('2027-03-23')] };
    const paid = { ...march, amountPaid: 10_000 };
    const result = unusedPaidSessions({ ...beginners, schedule, newEndsOn: date('2027-03-09'), paidPeriods: [paid] });
    // 4 real Tuesdays (2, 9, 16, 30); 3 unused: 10000 × 3 / 4 = 7500.
    expect(result.amount).toBe(7_500);
    expect(result.dates.map(String)).toEqual(['2027-03-09', '2027-03-16', '2027-03-30']);

    const thirds = unusedPaidSessions({
      ...beginners,
      schedule: { ...schedule, exceptions: [cancelled('2027-03-23'), cancelled('2027-03-30')] },
      newEndsOn: date('2027-03-09'),
      paidPeriods: [paid],
    });
    // 3 real Tuesdays, 2 unused: 10000 × 2 / 3 = 6666.67 → 6667, not 2 × 3333.
    expect(thirds.amount).toBe(6_667);
    expect(thirds.arithmetic).toEqual([
      'March 2027 was paid for 3 Tuesdays at $100.00 / 3 ≈ $33.33 each; ' +
        '2 of them (Mar 9, Mar 16) will not be attended → $66.67 ($100.00 × 2 / 3, rounded once)',
    ]);
  });

  it('adds up several paid periods, and labels a period that is not a calendar month by its days', () => {
    const april: PaidPeriod = {
      invoiceId: 'invoice-april',
      periodStart: date('2027-04-01'),
      periodEnd: date('2027-05-01'),
      amountPaid: 8_000,
    };
    const partial: PaidPeriod = { invoiceId: 'invoice-part', periodStart: date('2027-05-04'), periodEnd: date('2027-05-12'), amountPaid: 3_000 };
    const result = unusedPaidSessions({ ...beginners, newEndsOn: date('2027-03-30'), paidPeriods: [march, april, partial] });
    // March 1 of 5 → 1600; April 4 of 4 → 8000; May 4 – May 11: 2 of 2 → 3000.
    expect(result.amount).toBe(1_600 + 8_000 + 3_000);
    expect(result.dates).toHaveLength(1 + 4 + 2);
    expect(result.arithmetic[2]).toBe(
      'May 4, 2027 – May 11, 2027 was paid for 2 Tuesdays at $30.00 / 2 = $15.00 each; ' +
        '2 of them (May 4, May 11) will not be attended → $30.00',
    );
  });

  it('is empty when every paid date is attended', () => {
    expect(unusedPaidSessions({ ...beginners, newEndsOn: date('2027-04-06'), paidPeriods: [march] })).toEqual({
      dates: [],
      amount: 0,
      arithmetic: [],
    });
  });

  it('refuses a negative amount paid or an empty period', () => {
    const negative = caughtAppError(() =>
      unusedPaidSessions({ ...beginners, newEndsOn: date('2027-03-16'), paidPeriods: [{ ...march, amountPaid: -1 }] }),
    );
    expect(negative.message).toContain('cannot have a negative amount paid');
    const empty = caughtAppError(() =>
      unusedPaidSessions({ ...beginners, newEndsOn: date('2027-03-16'), paidPeriods: [{ ...march, periodEnd: march.periodStart }] }),
    );
    expect(empty.code).toBe('INVALID_DATE_RANGE');
  });

  it('property: the credit of a period is between 0 and what was paid for it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: -10, max: 80 }),
        (amountPaid, startOffset, length, endOffset) => {
          const periodStart = date('2027-02-01').add({ days: startOffset });
          const paid: PaidPeriod = { invoiceId: 'i', periodStart, periodEnd: periodStart.add({ days: length }), amountPaid };
          const result = unusedPaidSessions({
            ...beginners,
            newEndsOn: date('2027-02-01').add({ days: endOffset }),
            paidPeriods: [paid],
          });
          expect(result.amount).toBeGreaterThanOrEqual(0);
          expect(result.amount).toBeLessThanOrEqual(amountPaid);
        },
      ),
    );
  });
});
