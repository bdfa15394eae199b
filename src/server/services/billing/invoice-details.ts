import type { Database } from '../../../db/client.js';
import { invoiceDiscountRepository, writeOffRepository } from '../../../db/repositories/invoice-adjustment-repository.js';
import { invoiceLineRepository, type InvoiceRow } from '../../../db/repositories/invoice-repository.js';
import { paymentRepository } from '../../../db/repositories/payment-repository.js';
import { amountDue } from '../../../domain/billing/balance.js';
import type { InvoiceDto } from '../../routes/billing/invoices.types.js';

function sumBy<T>(rows: readonly T[], key: (row: T) => string, amount: (row: T) => number) {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + amount(row));
  return sums;
}

/** Invoices as the API shows them: lines, discounts, payments, write-offs and what is still due. */
export async function loadInvoices(db: Database, organizationId: string, invoices: InvoiceRow[]): Promise<InvoiceDto[]> {
  const ids = invoices.map((i) => i.id);
  // One after another, not Promise.all: inside a transaction `db` is one connection, which
  // runs one query at a time (node-postgres deprecates queueing them concurrently).
  const lines = await invoiceLineRepository.listForInvoices(db, organizationId, ids);
  const discounts = await invoiceDiscountRepository.listForInvoices(db, organizationId, ids);
  const payments = await paymentRepository.listForInvoices(db, organizationId, ids);
  const writeOffs = await writeOffRepository.listForInvoices(db, organizationId, ids);
  const paid = sumBy(payments, (p) => p.invoiceId, (p) => p.amount);
  const writtenOff = sumBy(writeOffs, (w) => w.invoiceId, (w) => w.amount);
  return invoices.map((invoice) => {
    const amounts = { status: invoice.status, total: invoice.total, paid: paid.get(invoice.id) ?? 0, writtenOff: writtenOff.get(invoice.id) ?? 0 };
    return {
      id: invoice.id,
      subscriptionId: invoice.subscriptionId,
      status: invoice.status,
      issuedOn: invoice.issuedOn,
      dueOn: invoice.dueOn,
      subtotal: invoice.subtotal,
      discountTotal: invoice.discountTotal,
      total: invoice.total,
      paid: amounts.paid,
      writtenOff: amounts.writtenOff,
      amountDue: amountDue(amounts),
      lines: lines
        .filter((l) => l.invoiceId === invoice.id)
        .map(({ description, periodStart, periodEnd, quantityNumerator, quantityDenominator, unitAmount, amount }) => ({
          description, periodStart, periodEnd, quantityNumerator, quantityDenominator, unitAmount, amount,
        })),
      discounts: discounts
        .filter((d) => d.invoiceId === invoice.id)
        .map(({ kind, basisPoints, amount, reason }) => ({ kind, basisPoints, amount, reason })),
      payments: payments
        .filter((p) => p.invoiceId === invoice.id)
        .map(({ id, amount, method, reference, receivedAt }) => ({ id, amount, method, reference, receivedAt: receivedAt.toISOString() })),
      writeOffs: writeOffs
        .filter((w) => w.invoiceId === invoice.id)
        .map(({ amount, reason, writtenOffAt }) => ({ amount, reason, writtenOffAt: writtenOffAt.toISOString() })),
    };
  });
}
