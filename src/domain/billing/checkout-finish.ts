import type { Temporal } from 'temporal-polyfill';
import { AppError } from '../errors.js';
import { assertMinorUnits, formatMoney } from './money.js';
import type { MoneyDisplay, PaymentMethod } from './value-sets.js';

/** The three finish buttons of checkout. */
export type CheckoutFinish =
  | { kind: 'pay_now'; amount: number; method: PaymentMethod; reference?: string | null }
  | { kind: 'pay_later'; dueOn?: Temporal.PlainDate | null }
  | { kind: 'close_now'; reason: string };

export interface Settlement {
  status: 'open' | 'paid' | 'closed';
  /** The payment to record; 0 means no payment row. */
  payment: number;
  writeOff: number;
  amountDue: number;
}


/** How an invoice of `total` ends up after a finish; payment + writeOff + amountDue = total. */
export function settle(o: { total: number; finish: CheckoutFinish; money?: MoneyDisplay }): Settlement {
  const { total, finish } = o;
  assertMinorUnits(total, 'total');
  if (total < 0) {
    throw new AppError('VALIDATION_FAILED', 'An invoice total cannot be negative.');
  }
  const show = (amount: number) => (o.money ? formatMoney({ amount, ...o.money }) : `${amount} minor units`);

  switch (finish.kind) {
    case 'pay_now': {
      const { amount } = finish;
      // Nothing to collect: the invoice is paid as it stands, and no payment is recorded.
      if (total === 0 && amount === 0) return { status: 'paid', payment: 0, writeOff: 0, amountDue: 0 };
      if (!Number.isSafeInteger(amount) || amount <= 0 || amount > total) {
        const rule =
          total === 0
            ? `the invoice total is ${show(0)}, so there is nothing to pay; enter ${show(0)} or choose Pay Later.`
            : `enter a whole amount above zero and at most the total, ${show(total)}.`;
        throw new AppError('VALIDATION_FAILED', `The payment is not right: ${rule}`, {
          fields: [{ field: 'body.finish.amount', message: total === 0 ? 'nothing to pay' : `at most ${show(total)}` }],
          max: total,
        });
      }
      return amount === total
        ? { status: 'paid', payment: amount, writeOff: 0, amountDue: 0 }
        : { status: 'open', payment: amount, writeOff: 0, amountDue: total - amount };
    }
    case 'pay_later':
      return total === 0
        ? { status: 'paid', payment: 0, writeOff: 0, amountDue: 0 }
        : { status: 'open', payment: 0, writeOff: 0, amountDue: total };
    case 'close_now':
      if (finish.reason.trim() === '') {
        throw new AppError(
          'VALIDATION_FAILED',
          'Give a reason for closing the invoice without collecting, such as "covered by March tuition".',
          { fields: [{ field: 'body.finish.reason', message: 'say why' }] },
        );
      }
      return { status: 'closed', payment: 0, writeOff: total, amountDue: 0 };
  }
}
