import { AppError } from '../errors.js';
import { assertMinorUnits, formatMoney, percentOf } from './money.js';
import type { MoneyDisplay } from './value-sets.js';

export type Discount =
  | { kind: 'amount'; amount: number; reason: string }
  | { kind: 'percent'; basisPoints: number; reason: string };


/**
 * The discount taken off `subtotal` (the running total it applies to), in minor units.
 * `at` is where the discount sits in the request, for the fields of a refusal (default `body.`).
 */
export function discountAmount(o: { subtotal: number; discount: Discount; money?: MoneyDisplay | undefined; at?: string }): number {
  const { subtotal, discount } = o;
  const at = o.at ?? 'body.';
  assertSubtotal(subtotal);
  if (discount.reason.trim() === '') {
    throw new AppError('VALIDATION_FAILED', 'Give a reason for the discount.', { fields: [{ field: `${at}reason`, message: 'say why' }] });
  }
  if (discount.kind === 'percent') {
    const { basisPoints } = discount;
    if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
      throw new AppError(
        'VALIDATION_FAILED',
        `A percent discount must be between 0 % and 100 % in steps of 0.01 %; got ${basisPoints / 100} %.`,
        { fields: [{ field: `${at}basisPoints`, message: 'between 0 % and 100 %' }] },
      );
    }
    // With at most 100 % of a non-negative whole amount, rounding half away from zero cannot exceed it.
    return percentOf({ amount: subtotal, basisPoints });
  }
  assertMinorUnits(discount.amount, 'amount');
  if (discount.amount < 0) {
    throw new AppError('VALIDATION_FAILED', 'A discount amount cannot be negative.', { fields: [{ field: `${at}amount`, message: 'must not be negative' }] });
  }
  if (discount.amount > subtotal) {
    const show = (amount: number) => (o.money ? formatMoney({ amount, ...o.money }) : `${amount} minor units`);
    throw new AppError(
      'DISCOUNT_EXCEEDS_TOTAL',
      `A discount of ${show(discount.amount)} is more than the ${show(subtotal)} it applies to. ` +
        `Enter at most ${show(subtotal)}, or use a percent discount.`,
      { fields: [{ field: `${at}amount`, message: `at most ${show(subtotal)}` }], amount: discount.amount, total: subtotal },
    );
  }
  return discount.amount;
}

/**
 * Discounts in order, each taken of the total left after the earlier ones; total = subtotal − Σ amounts ≥ 0.
 * `at(index)` is where each sits in the request (default: a checkout's `body.discounts.<index>.`).
 */
export function applyDiscounts(o: {
  subtotal: number;
  discounts: readonly Discount[];
  money?: MoneyDisplay | undefined;
  at?: (index: number) => string;
}): {
  discountTotal: number;
  total: number;
  amounts: number[];
} {
  assertSubtotal(o.subtotal);
  let total = o.subtotal;
  const at = o.at ?? ((index: number) => `body.discounts.${index}.`);
  const amounts = o.discounts.map((discount, index) => {
    const amount = discountAmount({ subtotal: total, discount, money: o.money, at: at(index) });
    total -= amount;
    return amount;
  });
  return { discountTotal: o.subtotal - total, total, amounts };
}

function assertSubtotal(subtotal: number): void {
  assertMinorUnits(subtotal, 'subtotal');
  if (subtotal < 0) {
    throw new AppError('VALIDATION_FAILED', 'A discount applies only to a total of zero or more.');
  }
}
