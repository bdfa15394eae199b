import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { SubscriptionPeriod } from './coverage.js';
import { enrolledCountByDate, rosterOf } from './roster.js';

const date = Temporal.PlainDate.from;
const period = (startsOn: string, endsOn: string | null): SubscriptionPeriod => ({
  startsOn: date(startsOn),
  endsOn: endsOn === null ? null : date(endsOn),
});

const beginnersTue = [
  { client: 'Maya', period: period('2027-01-05', '2027-03-16') }, // E1: transferred out on 16 March
  { client: 'Leo', period: period('2027-01-05', null) },
  { client: 'Ana', period: period('2027-03-23', null) },
];

describe('rosterOf', () => {
  it('E1: Maya is on the roster of 9 March but not of 16, 23 or 30 March', () => {
    const names = (iso: string) => rosterOf({ date: date(iso), subscriptions: beginnersTue }).map((s) => s.client);
    expect(names('2027-03-09')).toEqual(['Maya', 'Leo']);
    expect(names('2027-03-16')).toEqual(['Leo']);
    expect(names('2027-03-23')).toEqual(['Leo', 'Ana']);
    expect(names('2027-03-30')).toEqual(['Leo', 'Ana']);
  });

  it('returns the caller’s own objects, so their other fields are kept', () => {
    const [first] = rosterOf({ date: date('2027-03-02'), subscriptions: beginnersTue });
    expect(first).toBe(beginnersTue[0]);
  });
});

describe('enrolledCountByDate', () => {
  it('counts the enrolled per ISO date, with 0 for a date nobody covers', () => {
    const dates = ['2026-12-29', '2027-03-09', '2027-03-16', '2027-03-23'].map((iso) => date(iso));
    const counts = enrolledCountByDate({ dates, periods: beginnersTue.map((s) => s.period) });
    expect([...counts]).toEqual([
      ['2026-12-29', 0],
      ['2027-03-09', 2],
      ['2027-03-16', 1],
      ['2027-03-23', 2],
    ]);
  });
});
