import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { coveredDates, coversDate, periodsOverlap, type SubscriptionPeriod } from './coverage.js';

const date = Temporal.PlainDate.from;
const period = (startsOn: string, endsOn: string | null): SubscriptionPeriod => ({
  startsOn: date(startsOn),
  endsOn: endsOn === null ? null : date(endsOn),
});

// E1: Maya in Beginners Tue from 2027-01-05, transferred out on 2027-03-16.
const mayaOld = period('2027-01-05', '2027-03-16');
const mayaNew = period('2027-03-18', null);

describe('coversDate', () => {
  it('includes startsOn and excludes endsOn', () => {
    const covers = (iso: string) => coversDate({ period: mayaOld, date: date(iso) });
    expect(covers('2027-01-04')).toBe(false);
    expect(covers('2027-01-05')).toBe(true);
    expect(covers('2027-03-09')).toBe(true);
    expect(covers('2027-03-16')).toBe(false);
  });

  it('covers every later date while ongoing', () => {
    expect(coversDate({ period: mayaNew, date: date('2030-12-31') })).toBe(true);
  });

  it('covers nothing when the end is on or before the start', () => {
    expect(coversDate({ period: period('2027-04-06', '2027-04-06'), date: date('2027-04-06') })).toBe(false);
    expect(coversDate({ period: period('2027-04-06', '2027-03-16'), date: date('2027-03-20') })).toBe(false);
  });
});

describe('coveredDates', () => {
  it('E1: the old subscription covers March 2 and 9, not 16, 23 or 30', () => {
    const marchTuesdays = [2, 9, 16, 23, 30].map((day) => date({ year: 2027, month: 3, day }));
    expect(coveredDates({ period: mayaOld, dates: marchTuesdays }).map(String)).toEqual(['2027-03-02', '2027-03-09']);
  });
});

describe('periodsOverlap', () => {
  it('E1: the old and new subscriptions do not overlap', () => {
    expect(periodsOverlap({ a: mayaOld, b: mayaNew })).toBe(false);
  });

  it('does not count an end on the other’s start as overlap', () => {
    expect(periodsOverlap({ a: period('2027-01-05', '2027-03-16'), b: period('2027-03-16', null) })).toBe(false);
    expect(periodsOverlap({ a: period('2027-01-05', '2027-03-17'), b: period('2027-03-16', null) })).toBe(true);
  });

  it('overlaps two ongoing periods, and an ongoing one with any later period', () => {
    expect(periodsOverlap({ a: period('2027-01-05', null), b: period('2028-01-01', null) })).toBe(true);
    expect(periodsOverlap({ a: period('2027-01-05', null), b: period('2029-01-01', '2029-02-01') })).toBe(true);
  });

  it('never overlaps an empty period, even inside another', () => {
    expect(periodsOverlap({ a: period('2027-02-01', '2027-02-01'), b: period('2027-01-05', null) })).toBe(false);
  });

  it('agrees with "some date is covered by both", checked day by day', () => {
    const base = date('2027-01-01');
    const arbPeriod = fc
      .record({ start: fc.integer({ min: 0, max: 40 }), length: fc.option(fc.integer({ min: -5, max: 40 })) })
      .map(({ start, length }) => ({
        startsOn: base.add({ days: start }),
        endsOn: length === null ? null : base.add({ days: start + length }),
      }));
    fc.assert(
      fc.property(arbPeriod, arbPeriod, (a, b) => {
        const days = Array.from({ length: 120 }, (_, i) => base.add({ days: i }));
        const coveredByBoth = (day: Temporal.PlainDate) =>
          coversDate({ period: a, date: day }) && coversDate({ period: b, date: day });
        const shared = days.some(coveredByBoth);
        expect(periodsOverlap({ a, b })).toBe(shared);
        expect(periodsOverlap({ a: b, b: a })).toBe(shared);
      }),
    );
  });
});
