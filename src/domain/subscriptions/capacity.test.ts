import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { caughtAppError } from '../testing/caught-app-error.js';
import { assertCapacity, fullDates } from './capacity.js';

const date = Temporal.PlainDate.from;
const thursdays = Array.from({ length: 6 }, (_, week) => date('2027-03-18').add({ weeks: week }));
const locale = 'en-US';


describe('fullDates', () => {
  const enrolledByDate = new Map([
    ['2027-03-18', 8],
    ['2027-03-25', 7],
    ['2027-04-01', 6],
  ]);

  it('lists the dates where one more client would exceed capacity; a missing date counts as 0', () => {
    expect(fullDates({ capacity: 8, dates: thursdays, enrolledByDate }).map(String)).toEqual(['2027-03-18']);
  });

  it('accounts for several clients added at once', () => {
    expect(fullDates({ capacity: 8, dates: thursdays, enrolledByDate, adding: 2 }).map(String)).toEqual([
      '2027-03-18',
      '2027-03-25',
    ]);
  });

  it('returns dates in calendar order, each once', () => {
    const dates = ['2027-03-25', '2027-03-18', '2027-03-25'].map((iso) => date(iso));
    expect(fullDates({ capacity: 7, dates, enrolledByDate }).map(String)).toEqual(['2027-03-18', '2027-03-25']);
  });

  it('treats capacity 0 as always full', () => {
    expect(fullDates({ capacity: 0, dates: thursdays.slice(4), enrolledByDate: new Map() })).toHaveLength(2);
  });

  it.each([
    { capacity: -1, adding: 1, field: 'capacity' },
    { capacity: 2.5, adding: 1, field: 'capacity' },
    { capacity: 8, adding: -1, field: 'adding' },
  ])('refuses capacity $capacity adding $adding', ({ capacity, adding, field }) => {
    const error = caughtAppError(() => fullDates({ capacity, dates: thursdays, enrolledByDate, adding }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain(`(${field}) must be a whole number`);
  });
});

describe('assertCapacity', () => {
  const fullEverywhere = new Map(thursdays.map((d) => [d.toString(), 8]));

  it('passes when every date has room', () => {
    expect(() => assertCapacity({ capacity: 9, dates: thursdays, enrolledByDate: fullEverywhere, locale })).not.toThrow();
  });

  it('names at most three full dates and how many more, and what to do', () => {
    const check = { capacity: 8, dates: thursdays, enrolledByDate: fullEverywhere, locale };
    const error = caughtAppError(() => assertCapacity(check));
    expect(error.code).toBe('CAPACITY_FULL');
    expect(error.message).toBe(
      'It is full (8 seats) on Thu, Mar 18, 2027; Thu, Mar 25, 2027; Thu, Apr 1, 2027 and 3 more dates. ' +
        'Choose another session or another first date.',
    );
    expect(error.facts).toEqual({ fullDates: thursdays.map(String), capacity: 8 });
  });

  it('lists all the dates when there are three or fewer', () => {
    const error = caughtAppError(() =>
      assertCapacity({ capacity: 8, dates: thursdays.slice(0, 2), enrolledByDate: fullEverywhere, locale }),
    );
    expect(error.message).toContain('on Thu, Mar 18, 2027; Thu, Mar 25, 2027. Choose');
  });

  it('says "1 more date" in the singular', () => {
    const error = caughtAppError(() =>
      assertCapacity({ capacity: 8, dates: thursdays.slice(0, 4), enrolledByDate: fullEverywhere, locale }),
    );
    expect(error.message).toContain('Thu, Apr 1, 2027 and 1 more date.');
  });

  it('lets staff override', () => {
    expect(() =>
      assertCapacity({ capacity: 8, dates: thursdays, enrolledByDate: fullEverywhere, override: true, locale }),
    ).not.toThrow();
  });
});
