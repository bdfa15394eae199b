import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caughtAppError } from '../testing/caught-app-error.js';
import { usd } from '../transfers/testing/riverside.js';
import { familyBalance } from './balance.js';
import { settle, type CheckoutFinish } from './checkout-finish.js';

const cash = (amount: number): CheckoutFinish => ({ kind: 'pay_now', amount, method: 'cash' });

describe('settle', () => {
  describe('E1: $2.00 left after the credit', () => {
    it('Pay Now with $2.00 cash: paid, family balance $0.00', () => {
      const result = settle({ total: 200, finish: cash(200) });
      expect(result).toEqual({ status: 'paid', payment: 200, writeOff: 0, amountDue: 0 });
      expect(familyBalance([{ status: result.status, total: 200, paid: result.payment, writtenOff: result.writeOff }])).toBe(0);
    });

    it('Pay Later: open, $2.00 due, family balance $2.00', () => {
      const result = settle({ total: 200, finish: { kind: 'pay_later' } });
      expect(result).toEqual({ status: 'open', payment: 0, writeOff: 0, amountDue: 200 });
      expect(familyBalance([{ status: result.status, total: 200, paid: result.payment, writtenOff: result.writeOff }])).toBe(200);
    });

    it('Close Now "covered by March tuition": $2.00 written off, closed, family balance $0.00', () => {
      const result = settle({ total: 200, finish: { kind: 'close_now', reason: 'covered by March tuition' } });
      expect(result).toEqual({ status: 'closed', payment: 0, writeOff: 200, amountDue: 0 });
      expect(familyBalance([{ status: result.status, total: 200, paid: result.payment, writtenOff: result.writeOff }])).toBe(0);
    });
  });

  it('E4: $20.00 by check no. 1042 on $50.00 → partly paid, $30.00 open', () => {
    const finish: CheckoutFinish = { kind: 'pay_now', amount: 2_000, method: 'check', reference: 'Check no. 1042' };
    expect(settle({ total: 5_000, finish })).toEqual({ status: 'open', payment: 2_000, writeOff: 0, amountDue: 3_000 });
  });

  it('a total of $0.00 is paid with no payment, by Pay Now or Pay Later', () => {
    const paid = { status: 'paid', payment: 0, writeOff: 0, amountDue: 0 };
    expect(settle({ total: 0, finish: cash(0) })).toEqual(paid);
    expect(settle({ total: 0, finish: { kind: 'pay_later' } })).toEqual(paid);
    expect(settle({ total: 0, finish: { kind: 'close_now', reason: 'Free trial' } })).toEqual({ ...paid, status: 'closed' });
  });

  it.each([
    { amount: 5_001, why: 'more than the total' },
    { amount: 0, why: 'zero' },
    { amount: -100, why: 'negative' },
    { amount: 12.5, why: 'fractional' },
  ])('refuses a payment that is $why, naming the payment amount field and the maximum', ({ amount }) => {
    const error = caughtAppError(() => settle({ total: 5_000, finish: cash(amount), money: usd }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('The payment is not right: enter a whole amount above zero and at most the total, $50.00.');
    expect(error.fields).toEqual([{ field: 'body.finish.amount', message: 'at most $50.00' }]);
    expect(error.facts).toEqual({ max: 5_000 });
  });

  it('refuses a payment on a $0.00 total', () => {
    const error = caughtAppError(() => settle({ total: 0, finish: cash(100), money: usd }));
    expect(error.message).toBe(
      'The payment is not right: the invoice total is $0.00, so there is nothing to pay; enter $0.00 or choose Pay Later.',
    );
    expect(error.fields).toEqual([{ field: 'body.finish.amount', message: 'nothing to pay' }]);
  });

  it('shows minor units when no currency is given', () => {
    expect(caughtAppError(() => settle({ total: 200, finish: cash(300) })).message).toContain('at most the total, 200 minor units.');
  });

  it('refuses Close Now without a reason', () => {
    const error = caughtAppError(() => settle({ total: 200, finish: { kind: 'close_now', reason: '  ' } }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field: 'body.finish.reason', message: 'say why' }]);
  });

  it('refuses a negative or fractional total', () => {
    expect(caughtAppError(() => settle({ total: -1, finish: { kind: 'pay_later' } })).message).toBe('An invoice total cannot be negative.');
    expect(caughtAppError(() => settle({ total: 1.5, finish: { kind: 'pay_later' } })).message).toMatch(/whole number/);
  });

  it('property: payment + writeOff + amountDue = total, all ≥ 0', () => {
    const finish = (total: number) =>
      fc.oneof(
        fc.integer({ min: total === 0 ? 0 : 1, max: total }).map(cash),
        fc.constant<CheckoutFinish>({ kind: 'pay_later' }),
        fc.constant<CheckoutFinish>({ kind: 'close_now', reason: 'Covered by prepaid tuition' }),
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }).chain((total) => fc.tuple(fc.constant(total), finish(total))),
        ([total, f]) => {
          const { payment, writeOff, amountDue, status } = settle({ total, finish: f });
          expect(payment + writeOff + amountDue).toBe(total);
          expect(Math.min(payment, writeOff, amountDue)).toBeGreaterThanOrEqual(0);
          expect(status === 'open').toBe(amountDue > 0);
        },
      ),
    );
  });
});
