import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { formatPlainDate } from './intl-formats.js';

const locales = ['en-US', 'en-GB', 'de-DE', 'fr-CA', 'ja-JP', 'ar-EG'];
const styles: Intl.DateTimeFormatOptions[] = [{ dateStyle: 'medium' }, { month: 'long', year: 'numeric' }, { month: 'short', day: 'numeric' }];

describe('formatPlainDate', () => {
  it('writes exactly what Temporal writes, for any date, locale and style', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom(...locales),
        fc.constantFrom(...styles),
        (year, month, day, locale, style) => {
          const date = Temporal.PlainDate.from({ year, month, day }, { overflow: 'constrain' });
          expect(formatPlainDate(date, locale, style)).toBe(date.toLocaleString(locale, style));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('shows the calendar date whatever the zone offsets around it', () => {
    expect(formatPlainDate(Temporal.PlainDate.from('2027-03-14'), 'en-US', { dateStyle: 'medium' })).toBe('Mar 14, 2027');
    expect(formatPlainDate(Temporal.PlainDate.from('0042-01-01'), 'en-US', { year: 'numeric' })).toBe('42');
  });

  it('refuses a malformed locale as Intl does', () => {
    expect(() => formatPlainDate(Temporal.PlainDate.from('2027-03-14'), 'not a locale', { dateStyle: 'medium' })).toThrow(RangeError);
  });
});
