import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caughtAppError } from '../testing/caught-app-error.js';
import { applyDiscounts, discountAmount, type Discount } from './discounts.js';
import { formatMoney } from './money.js';

const usd = { currency: 'USD', locale: 'en-US' };
const percent = (basisPoints: number): Discount => ({ kind: 'percent', basisPoints, reason: 'Sibling discount' });
const amount = (value: number): Discount => ({ kind: 'amount', amount: value, reason: 'Credit for unused sessions' });


describe('applyDiscounts', () => {
  it('E3: 15 % off $33.33 is $5.00, leaving $28.33', () => {
    const result = applyDiscounts({ subtotal: 3_333, discounts: [percent(1_500)] });
    expect(result).toEqual({ discountTotal: 500, total: 2_833, amounts: [500] });
    expect(formatMoney({ amount: result.total, ...usd })).toBe('$28.33');
  });

  it('E1: the $48.00 credit as a discount on $50.00 leaves $2.00', () => {
    expect(applyDiscounts({ subtotal: 5_000, discounts: [amount(4_800)] })).toEqual({
      discountTotal: 4_800,
      total: 200,
      amounts: [4_800],
    });
  });

  it('100 % off leaves $0.00, as does an amount equal to the total', () => {
    expect(applyDiscounts({ subtotal: 3_333, discounts: [percent(10_000)] }).total).toBe(0);
    expect(applyDiscounts({ subtotal: 3_333, discounts: [amount(3_333)] }).total).toBe(0);
  });

  it('takes a percent of what is left after earlier discounts', () => {
    expect(applyDiscounts({ subtotal: 10_000, discounts: [amount(2_000), percent(5_000)] }).amounts).toEqual([
      2_000, 4_000,
    ]);
    expect(applyDiscounts({ subtotal: 10_000, discounts: [percent(5_000), amount(2_000)] }).amounts).toEqual([
      5_000, 2_000,
    ]);
  });

  it('leaves the subtotal alone without discounts', () => {
    const result = applyDiscounts({ subtotal: 5_000, discounts: [] });
    expect(result).toEqual({ discountTotal: 0, total: 5_000, amounts: [] });
  });

  it('refuses an amount larger than the total, saying both amounts and what to change', () => {
    const error = caughtAppError(() => applyDiscounts({ subtotal: 3_333, discounts: [amount(4_000)], money: usd }));
    expect(error.code).toBe('DISCOUNT_EXCEEDS_TOTAL');
    expect(error.message).toBe(
      'A discount of $40.00 is more than the $33.33 it applies to. Enter at most $33.33, or use a percent discount.',
    );
    expect(error.fields).toEqual([{ field: 'body.discounts.0.amount', message: 'at most $33.33' }]);
    expect(error.facts).toEqual({ amount: 4_000, total: 3_333 });
  });

  it('measures a later amount against what earlier discounts left', () => {
    const discounts = [amount(4_800), amount(300)];
    const error = caughtAppError(() => applyDiscounts({ subtotal: 5_000, discounts, money: usd }));
    expect(error.code).toBe('DISCOUNT_EXCEEDS_TOTAL');
    expect(error.message).toContain('A discount of $3.00 is more than the $2.00 it applies to');
    expect(error.fields.map((f) => f.field)).toEqual(['body.discounts.1.amount']);
  });

  it('states minor units when it does not know the currency', () => {
    expect(caughtAppError(() => applyDiscounts({ subtotal: 3_333, discounts: [amount(4_000)] })).message).toContain(
      'A discount of 4000 minor units is more than the 3333 minor units',
    );
  });

  it('refuses a negative subtotal even without discounts', () => {
    const error = caughtAppError(() => applyDiscounts({ subtotal: -1, discounts: [] }));
    expect(error.message).toBe('A discount applies only to a total of zero or more.');
  });
});

describe('discountAmount validation', () => {
  it.each([-1, 10_001, 15.5])('refuses %d basis points', (basisPoints) => {
    const error = caughtAppError(() => discountAmount({ subtotal: 3_333, discount: percent(basisPoints) }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field: 'body.basisPoints', message: 'between 0 % and 100 %' }]);
  });

  it.each([-100, 10.5])('refuses an amount of %d', (value) => {
    const error = caughtAppError(() => discountAmount({ subtotal: 3_333, discount: amount(value), at: 'body.discounts.2.' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/negative|whole number/);
  });

  it('requires a reason', () => {
    const discount: Discount = { kind: 'amount', amount: 100, reason: '  ' };
    const error = caughtAppError(() => discountAmount({ subtotal: 3_333, discount }));
    expect(error.fields).toEqual([{ field: 'body.reason', message: 'say why' }]);
  });
});

/** s × bp / 10000 rounded half up (away from zero, as s ≥ 0) = floor((2·s·bp + 10000) / 20000), in BigInt. */
function referencePercent(s: number, basisPoints: number): number {
  return Number((2n * BigInt(s) * BigInt(basisPoints) + 10_000n) / 20_000n);
}

describe('discount properties', () => {
  const subtotal = fc.integer({ min: 0, max: 10_000_000_000_000 });

  it('a percent discount is exact to the minor unit against rational arithmetic', () => {
    fc.assert(
      fc.property(subtotal, fc.integer({ min: 0, max: 10_000 }), (s, basisPoints) => {
        expect(discountAmount({ subtotal: s, discount: percent(basisPoints) })).toBe(referencePercent(s, basisPoints));
      }),
      { numRuns: 2_000 },
    );
  });

  it('total = subtotal − Σ amounts ≥ 0 in whole minor units, or an amount exceeding what was left is refused', () => {
    const discount = fc.oneof(
      fc.integer({ min: 0, max: 10_000 }).map(percent),
      fc.integer({ min: 0, max: 20_000 }).map(amount),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.array(discount, { maxLength: 5 }), (s, discounts) => {
        let left = s;
        let exceeded = false;
        for (const d of discounts) {
          if (d.kind === 'amount' && d.amount > left) {
            exceeded = true;
            break;
          }
          left -= d.kind === 'amount' ? d.amount : referencePercent(left, d.basisPoints);
        }
        if (exceeded) {
          const error = caughtAppError(() => applyDiscounts({ subtotal: s, discounts }));
          expect(error.code).toBe('DISCOUNT_EXCEEDS_TOTAL');
          return;
        }
        const result = applyDiscounts({ subtotal: s, discounts });
        const sum = result.amounts.reduce((a, b) => a + b, 0);
        expect(result.total).toBe(left);
        expect(result.total).toBe(s - sum);
        expect(result.discountTotal).toBe(sum);
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect([result.total, ...result.amounts].every(Number.isSafeInteger)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
