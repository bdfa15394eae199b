import { applyDiscounts, type Discount } from './discounts.js';
import { formatMoney } from './money.js';
import { AppError } from '../errors.js';
import type { InvoiceStatus, MoneyDisplay } from './value-sets.js';

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
}
