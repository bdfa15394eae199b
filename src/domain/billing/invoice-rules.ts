import { applyDiscounts, type Discount } from './discounts.js';
import { formatMoney } from './money.js';
import { AppError } from '../errors.js';
import type { InvoiceStatus, MoneyDisplay } from './value-sets.js';
import { statusForAmounts } from './balance.js';

/**
 * What may happen to an invoice once it is issued, decided without I/O: payments, discounts,
 * write-offs and voiding. Each decision either returns what to write or throws an AppError
 * whose message says what to do instead.
 */


export interface InvoiceFacts {
  status: InvoiceStatus;
  subtotal: number;
  total: number;
  paid: number;
  writtenOff: number;
  /** Account credit applied to it. */
  credited: number;
  amountDue: number;
  /** The invoice's discounts in the order they were applied, with the amounts recorded then. */
  discounts: readonly { amount: number; reason: string }[];
}


const show = (money: MoneyDisplay, amount: number) => formatMoney({ amount, ...money });

function conflict(message: string, invoice: Pick<InvoiceFacts, 'status'>): never {
  throw new AppError('CONFLICT', message, { invoiceStatus: invoice.status });
}

/** Why an invoice that is not open refuses a change (`consequence`: "so it takes no payments"). */
function refuseUnlessOpen(invoice: InvoiceFacts, consequence: string, money: MoneyDisplay) {
  switch (invoice.status) {
    case 'open':
      return;
    case 'void':
      return conflict(`This invoice is void: it asks for nothing, ${consequence}.`, invoice);
    case 'closed':
      return conflict(
        `This invoice is closed (nothing is due${invoice.writtenOff > 0 ? `; ${show(money, invoice.writtenOff)} was written off` : ''}), ${consequence}.`,
        invoice,
      );
    case 'paid':
      return conflict(
        `This invoice is already paid in full${invoice.paid > 0 ? ` (${show(money, invoice.paid)})` : ''}, ${consequence}.`,
        invoice,
      );
  }
}

function tooMuch(o: { field: string; amount: number; max: number; what: string; money: MoneyDisplay }): never {
  throw new AppError(
    'VALIDATION_FAILED',
    `${show(o.money, o.amount)} is more than the ${show(o.money, o.max)} due on this invoice; ` +
      `enter at most ${show(o.money, o.max)} for the ${o.what}.`,
    { fields: [{ field: `body.${o.field}`, message: `at most ${show(o.money, o.max)}` }], max: o.max },
  );
}

/** A payment of `amount` on the invoice: it is paid when nothing is left due, else it stays open (E4). */
export function decidePayment(o: { invoice: InvoiceFacts; amount: number; money: MoneyDisplay }): {
  status: 'open' | 'paid';
  amountDue: number;
} {
  const { invoice, amount, money } = o;
  refuseUnlessOpen(invoice, 'so it takes no payments', money);
  if (invoice.amountDue <= 0) conflict('Nothing is due on this invoice, so it takes no payments.', invoice);
  if (amount > invoice.amountDue) tooMuch({ field: 'amount', amount, max: invoice.amountDue, what: 'payment', money });
  const left = invoice.amountDue - amount;
  return { status: left === 0 ? 'paid' : 'open', amountDue: left };
}

/**
 * A discount on an open invoice nobody has paid or written anything off yet. The earlier
 * discounts keep the amounts recorded when they were applied; the new one is taken off what
 * they left (E3: 15 % of $33.33 is $5.00). A total of zero leaves nothing to pay: paid.
 */
export function decideDiscount(o: { invoice: InvoiceFacts; discount: Discount; money: MoneyDisplay }): {
  amount: number;
  discountTotal: number;
  total: number;
  status: 'open' | 'paid';
} {
  const { invoice, discount, money } = o;
  refuseUnlessOpen(invoice, 'so a discount can no longer be added', money);
  if (invoice.paid > 0) {
    conflict(
      `This invoice already has ${show(money, invoice.paid)} paid; a discount can be added only before any payment. ` +
        'Write off the part the family should not pay instead.',
      invoice,
    );
  }
  if (invoice.writtenOff > 0) {
    conflict(
      `This invoice already has ${show(money, invoice.writtenOff)} written off; a discount can be added only before that. ` +
        'Write off more of it instead.',
      invoice,
    );
  }
  const earlier: Discount[] = invoice.discounts.map((d) => ({ kind: 'amount', amount: d.amount, reason: d.reason }));
  // The new discount is the request's body; the earlier ones were checked when they were added.
  const { discountTotal, total, amounts } = applyDiscounts({ subtotal: invoice.subtotal, discounts: [...earlier, discount], money, at: () => 'body.' });
  return { amount: amounts[amounts.length - 1]!, discountTotal, total, status: total === 0 ? 'paid' : 'open' };
}

/** Writes off `amount` (default: all that is due); closed when nothing is left due. */
export function decideWriteOff(o: { invoice: InvoiceFacts; amount?: number | undefined; money: MoneyDisplay }): {
  amount: number;
  status: 'open' | 'closed';
} {
  const { invoice, money } = o;
  refuseUnlessOpen(invoice, 'so there is nothing to write off', money);
  if (invoice.amountDue <= 0) conflict('Nothing is due on this invoice, so there is nothing to write off.', invoice);
  const amount = o.amount ?? invoice.amountDue;
  if (amount > invoice.amountDue) tooMuch({ field: 'amount', amount, max: invoice.amountDue, what: 'write-off', money });
  return { amount, status: amount === invoice.amountDue ? 'closed' : 'open' };
}

/** Only an open invoice nobody has paid anything on can be voided; money received is never dropped. */
export function assertVoidable(o: { invoice: InvoiceFacts; money: MoneyDisplay }): void {
  const { invoice, money } = o;
  if (invoice.status === 'void') conflict('This invoice is already void.', invoice);
  refuseUnlessOpen(invoice, 'so it cannot be voided', money);
  if (invoice.paid > 0) {
    conflict(
      `This invoice has ${show(money, invoice.paid)} paid, so it cannot be voided; write off the rest instead.`,
      invoice,
    );
  }
  if (invoice.credited > 0) {
    conflict(
      `This invoice has ${show(money, invoice.credited)} of account credit applied, so it cannot be voided; write off the rest instead.`,
      invoice,
    );
  }
}

/**
 * A refund of `amount` (default: all of the payment not yet refunded) on one of the invoice's
 * payments: what was paid goes back, so the invoice is due again for it (E9).
 */
export function decideRefund(o: {
  invoice: InvoiceFacts;
  payment: { amount: number; refunded: number } | undefined;
  amount?: number | undefined;
  money: MoneyDisplay;
}): { amount: number; status: 'open' | 'paid' | 'closed' } {
  const { invoice, money } = o;
  if (!o.payment) {
    throw new AppError('VALIDATION_FAILED', 'That payment is not one of this invoice’s payments; choose one from the invoice.', {
      fields: [{ field: 'body.paymentId', message: 'not a payment of this invoice' }],
    });
  }
  const refundable = o.payment.amount - o.payment.refunded;
  if (refundable <= 0) conflict(`This payment of ${show(money, o.payment.amount)} was already refunded in full.`, invoice);
  const amount = o.amount ?? refundable;
  if (amount > refundable) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${show(money, amount)} is more than the ${show(money, refundable)} of this payment not yet refunded; enter at most ${show(money, refundable)}.`,
      { fields: [{ field: 'body.amount', message: `at most ${show(money, refundable)}` }], max: refundable },
    );
  }
  if (invoice.status === 'void') return { amount, status: 'open' };
  const after = { ...invoice, paid: invoice.paid - amount };
  return { amount, status: statusForAmounts(after) };
}

/** Account credit applied to an open invoice: at most what is due and what the family holds (E10). */
export function decideCreditApplication(o: { invoice: InvoiceFacts; held: number; amount?: number | undefined; money: MoneyDisplay }): {
  amount: number;
  status: 'open' | 'paid';
} {
  const { invoice, money } = o;
  refuseUnlessOpen(invoice, 'so no credit can be applied to it', money);
  if (o.held <= 0) conflict('The family holds no account credit to apply.', invoice);
  const max = Math.min(invoice.amountDue, o.held);
  const amount = o.amount ?? max;
  if (amount > max) {
    const why = max === o.held ? `the family holds ${show(money, o.held)}` : `${show(money, invoice.amountDue)} is due`;
    throw new AppError('VALIDATION_FAILED', `${show(money, amount)} is more than can be applied: ${why}. Enter at most ${show(money, max)}.`, {
      fields: [{ field: 'body.amount', message: `at most ${show(money, max)}` }],
      max,
    });
  }
  return { amount, status: amount === invoice.amountDue ? 'paid' : 'open' };
}
