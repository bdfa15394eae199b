import type { Database } from '../../../db/client.js';
import { invoiceDiscountRepository, writeOffRepository } from '../../../db/repositories/invoice-adjustment-repository.js';
import { invoiceLineRepository, invoiceRepository, type InvoiceRow } from '../../../db/repositories/invoice-repository.js';
import { paymentRepository } from '../../../db/repositories/payment-repository.js';
import type { BillingPeriod, InvoiceLineDraft } from '../../../domain/billing/billing-periods.js';
import type { Settlement } from '../../../domain/billing/checkout-finish.js';
import { applyDiscounts, type Discount } from '../../../domain/billing/discounts.js';
import type { PaymentMethod } from '../../../domain/billing/value-sets.js';
import { recordInLedger, type LedgerContext } from './ledger.js';

export interface NewInvoice {
  familyId: string;
  subscriptionId: string | null;
  /** The billing period it is for: one live invoice per subscription and period (null: none, e.g. a manual charge). */
  period: BillingPeriod | null;
  issuedOn: string;
  dueOn: string;
  lines: readonly InvoiceLineDraft[];
  discounts: readonly Discount[];
  money: { currency: string; locale: string };
}

/**
 * Writes an open invoice with its lines and discounts, and their ledger entries (the charge,
 * each discount); the domain computes every amount. Call inside the use case's transaction.
 */
export async function createInvoice(db: Database, ledger: LedgerContext, o: NewInvoice): Promise<InvoiceRow> {
  return (await createInvoiceWithDetails(db, ledger, o)).invoice;
}

/** As createInvoice, returning the lines and discounts written too (so nothing needs reading back). */
export async function createInvoiceWithDetails(db: Database, ledger: LedgerContext, o: NewInvoice) {
  const { organizationId } = ledger;
  const subtotal = o.lines.reduce((sum, line) => sum + line.amount, 0);
  const { discountTotal, total, amounts } = applyDiscounts({ subtotal, discounts: o.discounts, money: o.money });
  const invoice = await invoiceRepository.insert(db, organizationId, {
    familyId: o.familyId,
    subscriptionId: o.subscriptionId,
    status: total === 0 ? 'paid' : 'open',
    issuedOn: o.issuedOn,
    dueOn: o.dueOn,
    periodStart: o.period?.start.toString() ?? null,
    periodEnd: o.period?.end?.toString() ?? null,
    subtotal,
    discountTotal,
    total,
  });
  const lines = [];
  for (const line of o.lines) {
    lines.push(await invoiceLineRepository.insert(db, organizationId, { ...line, invoiceId: invoice.id, subscriptionId: o.subscriptionId }));
  }
  const discounts = [];
  for (const [index, discount] of o.discounts.entries()) {
    discounts.push(
      await invoiceDiscountRepository.insert(db, organizationId, {
        invoiceId: invoice.id,
        kind: discount.kind,
        basisPoints: discount.kind === 'percent' ? discount.basisPoints : null,
        amount: amounts[index]!,
        reason: discount.reason,
      }),
    );
  }
  await recordInLedger(db, ledger, [
    { familyId: o.familyId, invoiceId: invoice.id, kind: 'charge', amount: subtotal, description: `Invoice: ${o.lines.map((l) => l.description).join('; ')}` },
    ...discounts.map((d) => ({ familyId: o.familyId, invoiceId: invoice.id, kind: 'discount' as const, amount: -d.amount, description: `Discount: ${d.reason}` })),
  ]);
  return { invoice, lines, discounts };
}

/** Records what a settlement decided: the payment, the write-off, the invoice's status, and their ledger entries. */
export async function recordSettlement(
  db: Database,
  ledger: LedgerContext,
  o: {
    invoice: InvoiceRow;
    settlement: Settlement;
    /** `receivedAt` defaults to now; data recorded afterwards (the demo's history) gives its own. */
    payment?: { method: PaymentMethod; reference: string | null; receivedAt?: Date };
    writeOffReason?: string;
  },
) {
  const { organizationId } = ledger;
  const { invoice, settlement } = o;
  const payment =
    settlement.payment > 0 && o.payment
      ? await paymentRepository.insert(db, organizationId, {
          invoiceId: invoice.id,
          familyId: invoice.familyId,
          amount: settlement.payment,
          method: o.payment.method,
          reference: o.payment.reference,
          ...(o.payment.receivedAt ? { receivedAt: o.payment.receivedAt } : {}),
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
  await recordInLedger(db, ledger, [
    ...(payment ? [paymentLine(payment)] : []),
    ...(writeOff ? [{ familyId: invoice.familyId, invoiceId: invoice.id, kind: 'write_off' as const, amount: -writeOff.amount, description: `Written off: ${writeOff.reason}` }] : []),
  ]);
  return { invoice: updated, payment, writeOff };
}

/** A payment as the ledger writes it: "Payment (check 1042)". */
export function paymentLine(payment: { familyId: string; invoiceId: string; amount: number; method: PaymentMethod; reference: string | null }) {
  return {
    familyId: payment.familyId,
    invoiceId: payment.invoiceId,
    kind: 'payment' as const,
    amount: -payment.amount,
    description: `Payment (${payment.method}${payment.reference ? ` ${payment.reference}` : ''})`,
  };
}
