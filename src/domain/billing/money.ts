// Intl.NumberFormat formats decimal strings exactly (ES2023); the project's ES2022 lib types only number | bigint.
/// <reference lib="es2023.intl" />
import { AppError } from '../errors.js';
import { numberFormat } from '../formatting/intl-formats.js';
import { boundedCache } from '../memo.js';

/** Money is integer minor units (cents for USD); floats never carry it. */
export function assertMinorUnits(amount: number, field: string): void {
  if (!Number.isSafeInteger(amount)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `An amount (${field}) must be a whole number in the currency's smallest unit (such as cents); got ${amount}.`,
    );
  }
}

/** amount × numerator ÷ denominator, computed exactly and rounded once, half away from zero. */
export function divideRounded(o: { amount: number; numerator: number; denominator: number }): number {
  assertMinorUnits(o.amount, 'amount');
  assertSafeInteger(o.numerator, 'numerator');
  assertSafeInteger(o.denominator, 'denominator');
  if (o.denominator === 0) {
    throw new AppError('VALIDATION_FAILED', 'Cannot divide an amount by zero.');
  }
  // BigInt because amount × numerator can exceed 2^53, where a number would silently lose cents.
  const product = BigInt(o.amount) * BigInt(o.numerator);
  const divisor = BigInt(o.denominator);
  const negative = product < 0n !== divisor < 0n;
  const dividend = product < 0n ? -product : product;
  const magnitude = divisor < 0n ? -divisor : divisor;
  const remainder = dividend % magnitude;
  const rounded = dividend / magnitude + (2n * remainder >= magnitude ? 1n : 0n);
  const result = Number(negative ? -rounded : rounded);
  if (!Number.isSafeInteger(result)) {
    throw new AppError('VALIDATION_FAILED', 'The amount is too large to compute exactly.');
  }
  return result;
}

/** basisPoints: 1500 = 15.00 %. */
export function percentOf(o: { amount: number; basisPoints: number }): number {
  assertSafeInteger(o.basisPoints, 'basisPoints');
  return divideRounded({ amount: o.amount, numerator: o.basisPoints, denominator: 10_000 });
}

/** How many minor-unit digits the currency has (USD 2, JPY 0, KWD 3), per ISO 4217 as Intl knows it. */
export function minorUnitDigits(currency: string): number {
  // Asked for every amount formatted (an invoice run formats thousands): read once per currency.
  return digitsOfCurrency(currency, () => readMinorUnitDigits(currency));
}

const digitsOfCurrency = boundedCache<string, number>(1000);

function readMinorUnitDigits(currency: string): number {
  let format: Intl.NumberFormat;
  try {
    format = numberFormat('en', { style: 'currency', currency });
  } catch {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${currency}" is not a currency code; use ISO 4217, such as USD or EUR.`,
    );
  }
  // Read off a formatted zero: the currency's own digits, and none at all for JPY.
  return format.formatToParts(0).find((part) => part.type === 'fraction')?.value.length ?? 0;
}

export function formatMoney(o: { amount: number; currency: string; locale: string }): string {
  assertMinorUnits(o.amount, 'amount');
  const digits = minorUnitDigits(o.currency); // also rejects an unknown currency
  let format: Intl.NumberFormat;
  try {
    format = numberFormat(o.locale, { style: 'currency', currency: o.currency });
  } catch {
    throw new AppError('VALIDATION_FAILED', `"${o.locale}" is not a locale; use a BCP 47 tag such as en-US.`);
  }
  return format.format(toDecimal({ amount: o.amount, digits }));
}

/** The exact decimal string, so amounts beyond 2^53 / 100 keep every cent when formatted. */
function toDecimal(o: { amount: number; digits: number }): `${number}` {
  const units = Math.abs(o.amount).toString().padStart(o.digits + 1, '0');
  const whole = units.slice(0, units.length - o.digits);
  const fraction = units.slice(units.length - o.digits);
  // Built only from a sign, digits and a point, so it is a numeric literal.
  return `${o.amount < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}` as `${number}`;
}

function assertSafeInteger(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new AppError('VALIDATION_FAILED', `A count (${field}) must be a whole number; got ${value}.`);
  }
}
