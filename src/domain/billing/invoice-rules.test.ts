import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountDue } from './balance.js';
import { AppError } from '../errors.js';
import { caughtAppError } from '../testing/caught-app-error.js';
import { assertVoidable, decideCreditApplication, decideDiscount, decidePayment, decideRefund, decideWriteOff, type InvoiceFacts } from './invoice-rules.js';

const money = { currency: 'USD', locale: 'en-US' };

function facts(o: Partial<InvoiceFacts> & { total: number }): InvoiceFacts {
  const base = { status: 'open' as const, subtotal: o.total, paid: 0, writtenOff: 0, credited: 0, discounts: [], ...o };
  return { ...base, amountDue: amountDue(base) };
}

describe('decidePayment', () => {
  it('E4: $20.00 of $50.00 leaves $30.00 open; the rest makes it paid', () => {
    expect(decidePayment({ invoice: facts({ total: 5_000 }), amount: 2_000, money })).toEqual({ status: 'open', amountDue: 3_000 });
    expect(decidePayment({ invoice: facts({ total: 5_000, paid: 2_000 }), amount: 3_000, money })).toEqual({ status: 'paid', amountDue: 0 });
  });

  it('refuses more than is due, saying the maximum', () => {
    const error = caughtAppError(() => decidePayment({ invoice: facts({ total: 5_000, paid: 2_000 }), amount: 3_001, money }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('$30.01 is more than the $30.00 due on this invoice; enter at most $30.00 for the payment.');
    expect(error.facts).toEqual({ max: 3_000 });
    expect(error.fields).toEqual([{ field: 'body.amount', message: 'at most $30.00' }]);
  });

  it('refuses void, closed and paid invoices', () => {
    for (const status of ['void', 'closed', 'paid'] as const) {
      expect(caughtAppError(() => decidePayment({ invoice: facts({ total: 5_000, status }), amount: 1, money })).code).toBe('CONFLICT');
    }
  });
});

describe('decideDiscount', () => {
  it('E3: 15 % of $33.33 is $5.00, total $28.33', () => {
    const discount = { kind: 'percent', basisPoints: 1_500, reason: 'Sibling discount' } as const;
    expect(decideDiscount({ invoice: facts({ total: 3_333 }), discount, money })).toEqual({
      amount: 500, discountTotal: 500, total: 2_833, status: 'open',
    });
  });

  it('takes the new discount off what the recorded ones left, and a zero total is paid', () => {
    const invoice = facts({ subtotal: 5_000, total: 200, discounts: [{ amount: 4_800, reason: 'Credit' }] });
    expect(decideDiscount({ invoice, discount: { kind: 'percent', basisPoints: 5_000, reason: 'Half' }, money })).toMatchObject({
      amount: 100, discountTotal: 4_900, total: 100, status: 'open',
    });
    expect(decideDiscount({ invoice, discount: { kind: 'amount', amount: 200, reason: 'Rest' }, money })).toMatchObject({ total: 0, status: 'paid' });
  });

  it('refuses an amount above what is left (DISCOUNT_EXCEEDS_TOTAL), and any discount after a payment', () => {
    const error = caughtAppError(() =>
      decideDiscount({ invoice: facts({ total: 2_833, subtotal: 3_333, discounts: [{ amount: 500, reason: 'x' }] }), discount: { kind: 'amount', amount: 3_000, reason: 'y' }, money }),
    );
    expect(error.code).toBe('DISCOUNT_EXCEEDS_TOTAL');
    expect(error.message).toContain('at most $28.33');
    const paid = caughtAppError(() =>
      decideDiscount({ invoice: facts({ total: 5_000, paid: 2_000 }), discount: { kind: 'percent', basisPoints: 100, reason: 'x' }, money }),
    );
    expect(paid.code).toBe('CONFLICT');
    expect(paid.message).toContain('$20.00 paid');
  });
});

describe('decideWriteOff and assertVoidable', () => {
  it('writes off all that is due by default (closed), or a part (still open)', () => {
    expect(decideWriteOff({ invoice: facts({ total: 200 }), money })).toEqual({ amount: 200, status: 'closed' });
    expect(decideWriteOff({ invoice: facts({ total: 5_000, paid: 2_000 }), amount: 1_000, money })).toEqual({ amount: 1_000, status: 'open' });
  });

  it('voids only an open invoice with nothing paid', () => {
    expect(() => assertVoidable({ invoice: facts({ total: 5_000 }), money })).not.toThrow();
    expect(caughtAppError(() => assertVoidable({ invoice: facts({ total: 5_000, paid: 1 }), money })).message).toContain('$0.01 paid');
    expect(caughtAppError(() => assertVoidable({ invoice: facts({ total: 5_000, status: 'void' }), money })).message).toBe('This invoice is already void.');
  });
});

describe('invoice rules (properties)', () => {
  type Action =
    | { kind: 'pay'; amount: number }
    | { kind: 'write_off'; amount: number }
    | { kind: 'discount_amount'; amount: number }
    | { kind: 'discount_percent'; basisPoints: number }
    | { kind: 'void' };
  const action: fc.Arbitrary<Action> = fc.oneof(
    ...(['pay', 'write_off', 'discount_amount'] as const).map((kind) => fc.record({ kind: fc.constant(kind), amount: fc.integer({ min: 1, max: 20_000 }) })),
    fc.record({ kind: fc.constant('discount_percent' as const), basisPoints: fc.integer({ min: 1, max: 10_000 }) }),
    fc.record({ kind: fc.constant('void' as const) }),
  );

  it('whatever staff try, accepted changes keep paid + written off + due = total, and refusals are AppErrors', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.array(action, { maxLength: 30 }), (subtotal, actions) => {
        let invoice = facts({ total: subtotal });
        for (const a of actions) {
          try {
            if (a.kind === 'pay') {
              const { status } = decidePayment({ invoice, amount: a.amount, money });
              invoice = facts({ ...invoice, status, paid: invoice.paid + a.amount });
            } else if (a.kind === 'write_off') {
              const { amount, status } = decideWriteOff({ invoice, amount: a.amount, money });
              invoice = facts({ ...invoice, status, writtenOff: invoice.writtenOff + amount });
            } else if (a.kind === 'void') {
              assertVoidable({ invoice, money });
              invoice = facts({ ...invoice, status: 'void' });
            } else {
              const discount = a.kind === 'discount_amount'
                ? { kind: 'amount' as const, amount: a.amount, reason: 'Credit' }
                : { kind: 'percent' as const, basisPoints: a.basisPoints, reason: 'Sibling' };
              const d = decideDiscount({ invoice, discount, money });
              invoice = facts({ ...invoice, status: d.status, total: d.total, discounts: [...invoice.discounts, { amount: d.amount, reason: 'x' }] });
              expect(d.discountTotal).toBe(subtotal - d.total);
            }
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
          }
          expect(invoice.total).toBeGreaterThanOrEqual(0);
          if (invoice.status !== 'void') {
            expect(invoice.amountDue).toBeGreaterThanOrEqual(0);
            expect(invoice.paid + invoice.writtenOff + invoice.amountDue).toBe(invoice.total);
            // Something due means open; paid or closed means nothing due. (An invoice issued at
            // $0.00 is open with nothing due until something settles it.)
            if (invoice.amountDue > 0) expect(invoice.status).toBe('open');
            if (invoice.status !== 'open') expect(invoice.amountDue).toBe(0);
          } else {
            expect(invoice.paid).toBe(0);
          }
        }
      }),
    );
  });
});

describe('decideRefund (E9)', () => {
  const paidInFull = facts({ total: 200, paid: 200, status: 'paid' });
  it('refunds all of a payment by default: the invoice is open again for it', () => {
    expect(decideRefund({ invoice: paidInFull, payment: { amount: 200, refunded: 0 }, money })).toEqual({ amount: 200, status: 'open' });
  });
  it('refunds part, and never more than is left of the payment', () => {
    expect(decideRefund({ invoice: paidInFull, payment: { amount: 200, refunded: 0 }, amount: 50, money })).toEqual({ amount: 50, status: 'open' });
    const error = caughtAppError(() => decideRefund({ invoice: paidInFull, payment: { amount: 200, refunded: 150 }, amount: 60, money }));
    expect(error.message).toBe('$0.60 is more than the $0.50 of this payment not yet refunded; enter at most $0.50.');
    expect(error.fields).toEqual([{ field: 'body.amount', message: 'at most $0.50' }]);
    expect(caughtAppError(() => decideRefund({ invoice: paidInFull, payment: { amount: 200, refunded: 200 }, money })).code).toBe('CONFLICT');
    expect(caughtAppError(() => decideRefund({ invoice: paidInFull, payment: undefined, money })).fields[0]?.field).toBe('body.paymentId');
  });
  it('a refund on an invoice closed by a write-off reopens it for the refunded amount', () => {
    const closed = facts({ total: 200, paid: 100, writtenOff: 100, status: 'closed' });
    expect(decideRefund({ invoice: closed, payment: { amount: 100, refunded: 0 }, amount: 100, money }).status).toBe('open');
  });
});

describe('decideCreditApplication (E10)', () => {
  const march = facts({ total: 5_000 });
  it('applies what the family holds, up to what is due', () => {
    expect(decideCreditApplication({ invoice: march, held: 4_800, money })).toEqual({ amount: 4_800, status: 'open' });
    expect(decideCreditApplication({ invoice: march, held: 9_000, money })).toEqual({ amount: 5_000, status: 'paid' });
  });
  it('refuses more than is held or due, and an invoice that is not open', () => {
    const error = caughtAppError(() => decideCreditApplication({ invoice: march, held: 4_800, amount: 4_900, money }));
    expect(error.message).toBe('$49.00 is more than can be applied: the family holds $48.00. Enter at most $48.00.');
    expect(caughtAppError(() => decideCreditApplication({ invoice: march, held: 0, money })).code).toBe('CONFLICT');
    expect(caughtAppError(() => decideCreditApplication({ invoice: facts({ total: 100, paid: 100, status: 'paid' }), held: 50, money })).code).toBe('CONFLICT');
  });
  it('an invoice with credit applied cannot be voided', () => {
    expect(caughtAppError(() => assertVoidable({ invoice: facts({ total: 5_000, credited: 100 }), money })).message).toContain('$1.00 of account credit applied');
  });
});
