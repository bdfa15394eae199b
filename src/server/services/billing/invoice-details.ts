import type { Database } from '../../../db/client.js';
import {
  invoiceDiscountRepository,
  writeOffRepository,
  type InvoiceDiscountRow,
  type WriteOffRow,
} from '../../../db/repositories/invoice-adjustment-repository.js';
import { invoiceLineRepository, type InvoiceLineRow, type InvoiceRow } from '../../../db/repositories/invoice-repository.js';
import { paymentRepository, type PaymentRow } from '../../../db/repositories/payment-repository.js';
import { refundRepository, type RefundRow } from '../../../db/repositories/refund-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { accountCreditRepository, type AccountCreditRow } from '../../../db/repositories/account-credit-repository.js';
import { amountDue } from '../../../domain/billing/balance.js';
import type { InvoiceDto } from '../../../contracts/billing.js';

function sumBy<T>(rows: readonly T[], key: (row: T) => string, amount: (row: T) => number) {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + amount(row));
  return sums;
}

/**
 * Invoices as the API shows them: lines, discounts, payments (with refunds), account credit
 * applied, write-offs and what is still due. `concurrent` when `db` is the pool rather than a
 * transaction: the reads then go at once.
 */
export async function loadInvoices(
  db: Database,
  organizationId: string,
  invoices: InvoiceRow[],
  o: { concurrent?: boolean } = {},
): Promise<InvoiceDto[]> {
  const ids = invoices.map((i) => i.id);
  const reads = [
    () => invoiceLineRepository.listForInvoices(db, organizationId, ids),
    () => invoiceDiscountRepository.listForInvoices(db, organizationId, ids),
    () => paymentRepository.listForInvoices(db, organizationId, ids),
    () => refundRepository.listForInvoices(db, organizationId, ids),
    () => accountCreditRepository.listAppliedToInvoices(db, organizationId, ids),
    () => writeOffRepository.listForInvoices(db, organizationId, ids),
  ] as const;
  // Inside a transaction, one after another: `db` is then one connection, which runs one
  // query at a time (node-postgres deprecates queueing them concurrently).
  const results: unknown[] = [];
  if (o.concurrent) results.push(...(await Promise.all(reads.map((read) => read()))));
  else for (const read of reads) results.push(await read());
  const [lines, discounts, payments, refunds, credits, writeOffs] = results as [
    InvoiceLineRow[],
    InvoiceDiscountRow[],
    PaymentRow[],
    RefundRow[],
    AccountCreditRow[],
    WriteOffRow[],
  ];
  const subscriptionIds = invoices.flatMap((i) => (i.subscriptionId ? [i.subscriptionId] : []));
  const clientNames = await subscriptionRepository.clientNamesOf(db, organizationId, subscriptionIds);
  return toInvoiceDtos(invoices, { lines, discounts, payments, refunds, credits, writeOffs, clientNames });
}

export interface InvoiceChildren {
  lines: readonly InvoiceLineRow[];
  discounts: readonly InvoiceDiscountRow[];
  payments: readonly PaymentRow[];
  refunds?: readonly RefundRow[];
  /** Account credit applied (negative entries of the family's account). */
  credits?: readonly AccountCreditRow[];
  writeOffs: readonly WriteOffRow[];
  /** The client's name by subscription id; an invoice whose subscription is missing here shows none. */
  clientNames?: ReadonlyMap<string, string>;
}

const ofInvoice = <T extends { invoiceId: string | null }>(rows: readonly T[], id: string) => rows.filter((row) => row.invoiceId === id);

/**
 * The DTOs of invoices whose rows are at hand, children in the order loadInvoices reads them
 * (see writtenInReadOrder for rows a use case has just written).
 */
export function toInvoiceDtos(invoices: readonly InvoiceRow[], children: InvoiceChildren): InvoiceDto[] {
  const { lines, discounts, payments, writeOffs } = children;
  const refunds = children.refunds ?? [];
  const credits = children.credits ?? [];
  const received = sumBy(payments, (p) => p.invoiceId, (p) => p.amount);
  const refunded = sumBy(refunds, (r) => r.invoiceId, (r) => r.amount);
  const refundedOfPayment = sumBy(refunds, (r) => r.paymentId, (r) => r.amount);
  const credited = sumBy(credits, (c) => c.invoiceId ?? '', (c) => -c.amount);
  const writtenOff = sumBy(writeOffs, (w) => w.invoiceId, (w) => w.amount);
  return invoices.map((invoice) => {
    const amounts = {
      status: invoice.status,
      total: invoice.total,
      paid: (received.get(invoice.id) ?? 0) - (refunded.get(invoice.id) ?? 0),
      credited: credited.get(invoice.id) ?? 0,
      writtenOff: writtenOff.get(invoice.id) ?? 0,
    };
    return {
      id: invoice.id,
      familyId: invoice.familyId,
      subscriptionId: invoice.subscriptionId,
      clientName: (invoice.subscriptionId && children.clientNames?.get(invoice.subscriptionId)) || null,
      status: invoice.status,
      issuedOn: invoice.issuedOn,
      dueOn: invoice.dueOn,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      subtotal: invoice.subtotal,
      discountTotal: invoice.discountTotal,
      total: invoice.total,
      paid: amounts.paid,
      credited: amounts.credited,
      writtenOff: amounts.writtenOff,
      amountDue: amountDue(amounts),
      lines: ofInvoice(lines, invoice.id).map(({ description, periodStart, periodEnd, quantityNumerator, quantityDenominator, unitAmount, amount }) => ({
        description, periodStart, periodEnd, quantityNumerator, quantityDenominator, unitAmount, amount,
      })),
      discounts: ofInvoice(discounts, invoice.id).map(({ kind, basisPoints, amount, reason }) => ({ kind, basisPoints, amount, reason })),
      payments: ofInvoice(payments, invoice.id).map(({ id, amount, method, reference, receivedAt }) => ({
        id,
        amount,
        refunded: refundedOfPayment.get(id) ?? 0,
        method,
        reference,
        receivedAt: receivedAt.toISOString(),
      })),
      refunds: ofInvoice(refunds, invoice.id).map(({ id, paymentId, amount, method, reason, refundedAt }) => ({
        id, paymentId, amount, method, reason, refundedAt: refundedAt.toISOString(),
      })),
      creditsApplied: ofInvoice(credits, invoice.id).map(({ amount, createdAt }) => ({ amount: -amount, appliedAt: createdAt.toISOString() })),
      writeOffs: ofInvoice(writeOffs, invoice.id).map(({ amount, reason, writtenOffAt }) => ({ amount, reason, writtenOffAt: writtenOffAt.toISOString() })),
    };
  });
}

/**
 * Children written in one transaction, put in the order loadInvoices would read them back
 * in: lines by period start (none last) then id; discounts, payments and write-offs by their
 * time then id. Their times are the transaction's (now()), equal, so the id decides, as it
 * does in the database.
 */
export function writtenInReadOrder(children: InvoiceChildren): InvoiceChildren {
  const byTimeThenId = <T extends { id: string }>(at: (row: T) => Date) => (a: T, b: T) =>
    at(a).getTime() - at(b).getTime() || compareIds(a.id, b.id);
  return {
    lines: [...children.lines].sort((a, b) => compareNullableLast(a.periodStart, b.periodStart) || compareIds(a.id, b.id)),
    discounts: [...children.discounts].sort(byTimeThenId((d) => d.createdAt)),
    payments: [...children.payments].sort(byTimeThenId((p) => p.receivedAt)),
    refunds: [...(children.refunds ?? [])].sort(byTimeThenId((r) => r.refundedAt)),
    credits: [...(children.credits ?? [])].sort(byTimeThenId((c) => c.createdAt)),
    writeOffs: [...children.writeOffs].sort(byTimeThenId((w) => w.writtenOffAt)),
  };
}

/** PostgreSQL orders uuids byte by byte, which is the order of their lowercase hex text. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO dates compare as text; null sorts last, as ORDER BY … ASC puts it. */
function compareNullableLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
