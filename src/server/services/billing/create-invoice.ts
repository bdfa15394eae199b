import type { Database } from '../../../db/client.js';
import { invoiceDiscountRepository, writeOffRepository } from '../../../db/repositories/invoice-adjustment-repository.js';
import { invoiceLineRepository, invoiceRepository, type InvoiceRow } from '../../../db/repositories/invoice-repository.js';
import { paymentRepository } from '../../../db/repositories/payment-repository.js';
import type { Settlement } from '../../../domain/billing/checkout-finish.js';
import { applyDiscounts, type Discount } from '../../../domain/billing/discounts.js';
import type { InvoiceLineDraft } from '../../../domain/billing/first-invoice.js';
import type { PaymentMethod } from '../../../domain/billing/value-sets.js';

export interface NewInvoice {
  organizationId: string;
  familyId: string;
  subscriptionId: string | null;
  issuedOn: string;
  dueOn: string;
  lines: readonly InvoiceLineDraft[];
  discounts: readonly Discount[];
  money: { currency: string; locale: string };
}

/**
 * Writes an open invoice with its lines and discounts; the domain computes every amount.
 * Call inside the use case's transaction.
 */
export async function createInvoice(db: Database, o: NewInvoice): Promise<InvoiceRow> {
  return (await createInvoiceWithDetails(db, o)).invoice;
}

/** As createInvoice, returning the lines and discounts written too (so nothing needs reading back). */
export async function createInvoiceWithDetails(db: Database, o: NewInvoice) {
  const subtotal = o.lines.reduce((sum, line) => sum + line.amount, 0);
  const { discountTotal, total, amounts } = applyDiscounts({ subtotal, discounts: o.discounts, money: o.money });
  const invoice = await invoiceRepository.insert(db, o.organizationId, {
    familyId: o.familyId,
    subscriptionId: o.subscriptionId,
    status: 'open',
    issuedOn: o.issuedOn,
    dueOn: o.dueOn,
    subtotal,
    discountTotal,
    total,
  });
  const lines = [];
  for (const line of o.lines) {
    lines.push(await invoiceLineRepository.insert(db, o.organizationId, { ...line, invoiceId: invoice.id, subscriptionId: o.subscriptionId }));
  }
  const discounts = [];
  for (const [index, discount] of o.discounts.entries()) {
    discounts.push(
      await invoiceDiscountRepository.insert(db, o.organizationId, {
        invoiceId: invoice.id,
        kind: discount.kind,
        basisPoints: discount.kind === 'percent' ? discount.basisPoints : null,
        amount: amounts[index]!,
        reason: discount.reason,
      }),
    );
  }
  return { invoice, lines, discounts };
}

/** Records what a settlement decided: the payment, the write-off and the invoice's status. */
export async function recordSettlement(
  db: Database,
  o: {
    organizationId: string;
    invoice: InvoiceRow;
    settlement: Settlement;
    payment?: { method: PaymentMethod; reference: string | null };
    writeOffReason?: string;
  },
) {
  const { organizationId, invoice, settlement } = o;
  const payment =
    settlement.payment > 0 && o.payment
      ? await paymentRepository.insert(db, organizationId, {
          invoiceId: invoice.id,
          familyId: invoice.familyId,
          amount: settlement.payment,
          method: o.payment.method,
          reference: o.payment.reference,
        })
      : null;
  const writeOff =
    settlement.writeOff > 0
      ? await writeOffRepository.insert(db, organizationId, {
          invoiceId: invoice.id,
          familyId: invoice.familyId,
          amount: settlement.writeOff,
          reason: o.writeOffReason ?? '',
        })
      : null;
  const updated = settlement.status === invoice.status
    ? invoice
    : (await invoiceRepository.update(db, organizationId, invoice.id, { status: settlement.status }))!;
  return { invoice: updated, payment, writeOff };
}
