import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { epochDay, isoWeekdayOfEpochDay, plainDateOfEpochDay } from './epoch-days.js';

const EPOCH = Temporal.PlainDate.from('1970-01-01');

describe('epoch days', () => {
  it('agree with Temporal on the day count, the weekday and the way back, years 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (n) => {
        const date = EPOCH.add({ days: n });
        expect(epochDay(date)).toBe(n);
        expect(isoWeekdayOfEpochDay(n)).toBe(date.dayOfWeek);
        expect(plainDateOfEpochDay(n).equals(date)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts from 1970-01-01, a Thursday', () => {
    expect(epochDay(Temporal.PlainDate.from('1970-01-02'))).toBe(1);
    expect(epochDay(Temporal.PlainDate.from('0042-03-01'))).toBe(-704_128);
    expect(isoWeekdayOfEpochDay(0)).toBe(4);
    expect(plainDateOfEpochDay(-1).toString()).toBe('1969-12-31');
  });
});
