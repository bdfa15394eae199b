import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { SessionDateException, SessionRecurrence } from './session-recurrence.js';
import { realSessionDatesInMonth, sessionsPerMonth } from './sessions-per-month.js';

const date = Temporal.PlainDate.from;
const month = Temporal.PlainYearMonth.from;
const timeZone = 'America/New_York';

const intermediateThu: SessionRecurrence = {
  weekdays: [4],
  startTime: Temporal.PlainTime.from('17:00'),
  durationMinutes: 45,
  startsOn: date('2027-01-07'),
  endsOn: null,
};

describe('sessionsPerMonth', () => {
  it('E1: counts 4 Thursdays in March 2027 and 5 in April 2027', () => {
    const options = { recurrence: intermediateThu, exceptions: [], timeZone };
    const count = (m: string) => sessionsPerMonth({ ...options, month: month(m) });
    expect(count('2027-03')).toBe(4);
    expect(count('2027-04')).toBe(5);
  });

  it('E2: leaves out the cancelled 2027-03-25', () => {
    const exceptions: SessionDateException[] = [{ kind: 'cancelled', date: date('2027-03-25'), reason: 'Holiday' }];
    const options = { recurrence: intermediateThu, exceptions, timeZone, month: month('2027-03') };

    expect(sessionsPerMonth(options)).toBe(3);
    expect(realSessionDatesInMonth(options).map(String)).toEqual(['2027-03-04', '2027-03-11', '2027-03-18']);
  });

  it('counts a date moved into the next month in that month', () => {
    const exceptions: SessionDateException[] = [
      { kind: 'moved', date: date('2027-03-25'), toDate: date('2027-04-02'), toStartTime: null },
    ];
    const options = { recurrence: intermediateThu, exceptions, timeZone };
    const count = (m: string) => sessionsPerMonth({ ...options, month: month(m) });
    expect([count('2027-03'), count('2027-04')]).toEqual([3, 6]);
  });

  it('counts only the dates within the session’s own start and end', () => {
    const term = { ...intermediateThu, startsOn: date('2027-03-10'), endsOn: date('2027-03-25') };
    const options = { recurrence: term, exceptions: [], timeZone };
    const inMarch = realSessionDatesInMonth({ ...options, month: month('2027-03') });
    expect(inMarch.map(String)).toEqual(['2027-03-11', '2027-03-18']);
    expect(sessionsPerMonth({ ...options, month: month('2027-04') })).toBe(0);
  });
});
