import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { caughtAppError } from '../testing/caught-app-error.js';
import { assertMinorUnits, divideRounded, formatMoney, minorUnitDigits, percentOf } from './money.js';


/** Exact rational rounding, half away from zero, by a different route than the implementation. */
function referenceDivide(amount: number, numerator: number, denominator: number): bigint {
  let top = BigInt(amount) * BigInt(numerator);
  let bottom = BigInt(denominator);
  if (bottom < 0n) [top, bottom] = [-top, -bottom];
  const halfUp = (n: bigint) => (2n * n + bottom) / (2n * bottom); // floor(n / bottom + 1/2) for n >= 0
  return top >= 0n ? halfUp(top) : -halfUp(-top);
}

describe('assertMinorUnits', () => {
  it.each([0, -5, 3333, Number.MAX_SAFE_INTEGER])('accepts %d', (amount) => {
    expect(() => assertMinorUnits(amount, 'price')).not.toThrow();
  });

  it.each([33.33, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %d, naming what it is', (amount) => {
    const error = caughtAppError(() => assertMinorUnits(amount, 'price'));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^An amount \(price\) must be a whole number/);
  });
});

describe('divideRounded', () => {
  it.each([
    // E1: $100.00 × 2/4 and $80.00 × 3/5
    { amount: 10_000, numerator: 2, denominator: 4, expected: 5_000 },
    { amount: 8_000, numerator: 3, denominator: 5, expected: 4_800 },
    // E2: $100.00 × 1/3 = 33.333… -> $33.33
    { amount: 10_000, numerator: 1, denominator: 3, expected: 3_333 },
    { amount: 20_000, numerator: 1, denominator: 3, expected: 6_667 },
    // ties go away from zero, on both sides
    { amount: 5, numerator: 1, denominator: 2, expected: 3 },
    { amount: -5, numerator: 1, denominator: 2, expected: -3 },
    { amount: 5, numerator: -1, denominator: 2, expected: -3 },
    { amount: 2, numerator: 1, denominator: -4, expected: -1 },
    { amount: -2, numerator: -1, denominator: -4, expected: -1 },
    { amount: -1, numerator: 1, denominator: 3, expected: 0 },
  ])('$amount × $numerator / $denominator = $expected', ({ amount, numerator, denominator, expected }) => {
    expect(divideRounded({ amount, numerator, denominator })).toBe(expected);
  });

  it('stays exact where amount × numerator passes 2^53', () => {
    expect(divideRounded({ amount: Number.MAX_SAFE_INTEGER, numerator: 3, denominator: 3 })).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('refuses a zero denominator, fractions, and a result too large to be exact', () => {
    expect(caughtAppError(() => divideRounded({ amount: 100, numerator: 1, denominator: 0 })).message).toBe('Cannot divide an amount by zero.');
    expect(caughtAppError(() => divideRounded({ amount: 100, numerator: 0.5, denominator: 1 })).message).toBe(
      'A count (numerator) must be a whole number; got 0.5.',
    );
    const tooLarge = { amount: Number.MAX_SAFE_INTEGER, numerator: 2, denominator: 1 };
    expect(caughtAppError(() => divideRounded(tooLarge)).code).toBe('VALIDATION_FAILED');
  });

  it('matches exact rational rounding for random inputs, negatives included', () => {
    const nonZero = fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((n) => n !== 0);
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        nonZero,
        (amount, numerator, denominator) => {
          const expected = referenceDivide(amount, numerator, denominator);
          if (expected > BigInt(Number.MAX_SAFE_INTEGER) || expected < -BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(() => divideRounded({ amount, numerator, denominator })).toThrow(AppError);
          } else {
            expect(divideRounded({ amount, numerator, denominator })).toBe(Number(expected));
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('percentOf', () => {
  it('E3: 15 % of $33.33 is 4.9995 -> $5.00', () => {
    expect(percentOf({ amount: 3_333, basisPoints: 1_500 })).toBe(500);
  });

  it('refuses fractional basis points, naming them', () => {
    const error = caughtAppError(() => percentOf({ amount: 3_333, basisPoints: 15.5 }));
    expect(error.message).toBe('A count (basisPoints) must be a whole number; got 15.5.');
  });
});

describe('minorUnitDigits', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %d', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });

  it('refuses something that is not a currency code', () => {
    expect(caughtAppError(() => minorUnitDigits('US')).message).toContain('"US" is not a currency code');
  });
});

describe('formatMoney', () => {
  it.each([
    { amount: 3_333, currency: 'USD', locale: 'en-US', expected: '$33.33' },
    { amount: 5, currency: 'USD', locale: 'en-US', expected: '$0.05' },
    { amount: -250, currency: 'USD', locale: 'en-US', expected: '-$2.50' },
    { amount: -5, currency: 'USD', locale: 'en-US', expected: '-$0.05' },
    { amount: 1_234, currency: 'JPY', locale: 'en-US', expected: '¥1,234' },
    { amount: 1_234, currency: 'JPY', locale: 'ja-JP', expected: '￥1,234' },
    { amount: 123_456, currency: 'EUR', locale: 'de-DE', expected: '1.234,56\u00a0€' },
    { amount: 1_234_567, currency: 'KWD', locale: 'en-US', expected: 'KWD\u00a01,234.567' },
    { amount: Number.MAX_SAFE_INTEGER, currency: 'USD', locale: 'en-US', expected: '$90,071,992,547,409.91' },
  ])('$amount $currency in $locale is $expected', ({ amount, currency, locale, expected }) => {
    expect(formatMoney({ amount, currency, locale })).toBe(expected);
  });

  it('refuses a fractional amount, an unknown currency and a malformed locale', () => {
    expect(caughtAppError(() => formatMoney({ amount: 33.33, currency: 'USD', locale: 'en-US' })).message).toMatch(/whole number/);
    expect(caughtAppError(() => formatMoney({ amount: 1, currency: 'dollars', locale: 'en-US' })).message).toContain('not a currency code');
    const badLocale = { amount: 1, currency: 'USD', locale: 'not a locale!' };
    expect(caughtAppError(() => formatMoney(badLocale)).message).toContain('is not a locale');
  });
});
