import { describe, expect, it } from 'vitest';
import { addMonths, formatPeriod, windowWithin } from './dates';

describe('windowWithin', () => {
  const around = '2026-12-01';

  it('is the days around the date when the period covers them', () => {
    expect(windowWithin({ around, before: 28, after: 84, startsOn: '2026-01-06', endsOn: null })).toEqual({
      from: '2026-11-03',
      to: '2027-02-23',
    });
  });

  it('starts no earlier than the period and ends no later', () => {
    expect(windowWithin({ around, before: 28, after: 84, startsOn: '2026-11-17', endsOn: '2026-12-15' })).toEqual({
      from: '2026-11-17',
      to: '2026-12-15',
    });
  });

  it('is one day when the period ended before the window starts', () => {
    expect(windowWithin({ around, before: 0, after: 84, startsOn: '2026-09-01', endsOn: '2026-10-01' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-02',
    });
  });
});

describe('formatPeriod', () => {
  it('names a whole calendar month by its month', () => {
    expect(formatPeriod('2027-03-01', '2027-04-01', 'en-US')).toBe('March 2027');
    expect(formatPeriod('2027-02-01', '2027-03-01', 'en-US')).toBe('February 2027');
  });

  it('gives the first and last day of any other period (its end is exclusive)', () => {
    // Intl puts thin spaces around the dash.
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatPeriod('2027-03-18', '2027-04-01', 'en-US'))).toBe('Mar 18 – 31, 2027');
    expect(plain(formatPeriod('2026-11-03', '2027-02-23', 'en-US'))).toBe('Nov 3, 2026 – Feb 22, 2027');
  });

  it('is one day when the period is one day', () => {
    expect(formatPeriod('2027-03-18', '2027-03-19', 'en-US')).toBe('Mar 18, 2027');
  });

  it('follows the locale', () => {
    expect(formatPeriod('2027-03-01', '2027-04-01', 'de-DE')).toBe('März 2027');
  });
});

describe('addMonths', () => {
  it('keeps the day, or the month’s last day when the month is shorter', () => {
    expect(addMonths('2026-11-28', -3)).toBe('2026-08-28');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
  });
});
