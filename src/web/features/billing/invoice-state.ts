import type { Permission } from '../../../domain/access/permissions';
import type { InvoiceDto, InvoicePayment } from '../../api/types';

/**
 * Where an invoice stands, in the words the front desk uses: an open invoice that has
 * received money is "partly paid", not just open.
 */
export type InvoiceStanding = 'open' | 'partly_paid' | 'paid' | 'closed' | 'void';

/** The amounts and dates an invoice's standing is read from (a staff or a portal invoice). */
export type Amounts = Pick<InvoiceDto, 'status' | 'paid' | 'credited' | 'amountDue' | 'dueOn'>;

export function invoiceStanding(invoice: Amounts): InvoiceStanding {
  if (invoice.status !== 'open') return invoice.status;
  return invoice.paid + invoice.credited > 0 ? 'partly_paid' : 'open';
}

export const standingBadges: Record<InvoiceStanding, { label: string; color: string }> = {
  open: { label: 'Open', color: 'orange' },
  partly_paid: { label: 'Partly paid', color: 'yellow' },
  paid: { label: 'Paid', color: 'teal' },
  closed: { label: 'Closed', color: 'gray' },
  void: { label: 'Void', color: 'gray' },
};

/** Open with something still due after its due date (`today` is the organization's local date). */
export function isOverdue(invoice: Amounts, today: string): boolean {
  return invoice.status === 'open' && invoice.amountDue > 0 && invoice.dueOn < today;
}

/** What is left of a payment to refund. */
export const refundable = (payment: Pick<InvoicePayment, 'amount' | 'refunded'>) => payment.amount - payment.refunded;

export type InvoiceAction = 'pay' | 'applyCredit' | 'discount' | 'writeOff' | 'void' | 'refund';

export interface InvoiceOptions {
  /** What this person may do to the invoice now, in the order the buttons show. */
  offered: InvoiceAction[];
  /** Why what the person's role allows is not offered (the invoice's state), in words. */
  notes: string[];
}

/**
 * The actions to offer on an invoice: those the role allows (`can`) and the invoice's state
 * permits; for the rest the role allows, why not. The server decides in the end; this keeps
 * buttons that could only be refused off the screen.
 */
export function invoiceOptions(o: {
  invoice: InvoiceDto;
  /** Account credit the family holds. */
  accountCredit: number;
  can: (permission: Permission) => boolean;
  money: (amount: number) => string;
}): InvoiceOptions {
  const { invoice, can, money } = o;
  const mayTake = can('payments.write');
  const mayAdjust = can('billing.adjust');
  const offered: InvoiceAction[] = [];
  const notes: string[] = [];
  const received = invoice.paid + invoice.credited;

  if (invoice.status !== 'open') {
    if (mayTake || mayAdjust) notes.push(closedNote(invoice, money));
  } else {
    if (mayTake && invoice.amountDue > 0) offered.push('pay');
    if (mayTake && invoice.amountDue > 0 && o.accountCredit > 0) offered.push('applyCredit');
    if (mayTake) {
      // Credit counts as money received: a discount after it could leave the invoice owing the family.
      if (received > 0 || invoice.writtenOff > 0) notes.push('A discount can be added only before any payment, credit or write-off.');
      else offered.push('discount');
    }
    if (mayAdjust && invoice.amountDue > 0) offered.push('writeOff');
    if (mayAdjust) {
      if (received > 0) notes.push(`Cannot be voided: ${money(received)} was received on it. Refund it first, or write off the rest.`);
      else offered.push('void');
    }
  }
  if (mayAdjust && invoice.payments.some((payment) => refundable(payment) > 0)) offered.push('refund');
  return { offered, notes };
}

/** Why an invoice that is not open takes no payment: "Paid in full", "Closed: … written off", "Void". */
function closedNote(invoice: InvoiceDto, money: (amount: number) => string): string {
  switch (invoice.status) {
    case 'paid':
      return invoice.total === 0 ? 'Nothing to pay: the discounts cover the whole total.' : 'Paid in full: nothing is due.';
    case 'closed':
      return invoice.writtenOff > 0 ? `Closed: nothing is due (${money(invoice.writtenOff)} written off).` : 'Closed: nothing is due.';
    case 'void':
      return 'Void: kept for history; it asks for nothing.';
    default:
      return '';
  }
}

/** How an invoice is named in a list: what its first line bills, and how many more lines it has. */
export function invoiceTitle(invoice: Pick<InvoiceDto, 'lines'>): string {
  const [first, ...rest] = invoice.lines;
  if (!first) return 'Invoice';
  return rest.length === 0 ? first.description : `${first.description} and ${rest.length} more`;
}

/**
 * The period an invoice bills, [start, end): its own, or else the span of its lines' periods
 * (invoices issued before periods were recorded carry them only on their lines).
 */
export function invoicePeriod(invoice: Pick<InvoiceDto, 'periodStart' | 'periodEnd' | 'lines'>): { start: string; end: string } | null {
  if (invoice.periodStart && invoice.periodEnd) return { start: invoice.periodStart, end: invoice.periodEnd };
  const starts = invoice.lines.map((l) => l.periodStart).filter((d): d is string => d !== null);
  const ends = invoice.lines.map((l) => l.periodEnd).filter((d): d is string => d !== null);
  if (starts.length === 0 || ends.length === 0) return null;
  return { start: starts.reduce((a, b) => (b < a ? b : a)), end: ends.reduce((a, b) => (b > a ? b : a)) };
}
