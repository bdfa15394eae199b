import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { weekAround } from './schedule-week';

describe('weekAround', () => {
  it('runs from the Monday on or before the date to the next Monday', () => {
    const week = (date: string) => {
      const { from, to } = weekAround(Temporal.PlainDate.from(date));
      return `${from}..${to}`;
    };
    expect(week('2026-11-30')).toBe('2026-11-30..2026-12-07'); // a Monday: its own week
    expect(week('2026-12-06')).toBe('2026-11-30..2026-12-07'); // the Sunday ends it
    expect(week('2027-01-01')).toBe('2026-12-28..2027-01-04'); // across the new year
    expect(week('2027-03-14')).toBe('2027-03-08..2027-03-15'); // the Sunday clocks go forward in New York
  });
});
