import type { Database } from '../../../db/client.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { paymentRepository } from '../../../db/repositories/payment-repository.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { InvoiceDto, PaymentInput } from '../../../contracts/billing.js';
import { changeInvoice, factsOf } from './change-invoice.js';
import { paymentLine } from './create-invoice.js';
import { recordInLedger } from './ledger.js';
import { paymentReceiptNotices } from '../notifications/notices.js';
import { tell } from '../notifications/tell.js';
import { decidePayment } from '../../../domain/billing/invoice-rules.js';

/** Records money received on an invoice: paid when nothing is left due, else still open (E4). */
export async function recordPayment(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  invoiceId: string,
  input: PaymentInput,
): Promise<InvoiceDto> {
  return changeInvoice(db, organization, actor, invoiceId, {
    action: 'invoice.payment_recorded',
    change: async ({ tx, organizationId, row, invoice, money, ledger }) => {
      const decision = decidePayment({ invoice: factsOf(invoice), amount: input.amount, money });
      const payment = await paymentRepository.insert(tx, organizationId, {
        invoiceId: row.id,
        familyId: row.familyId,
        amount: input.amount,
        method: input.method,
        reference: input.reference,
      });
      if (decision.status !== row.status) await invoiceRepository.update(tx, organizationId, row.id, { status: decision.status });
      await recordInLedger(tx, ledger, [paymentLine(payment)]);
      const receipt = { familyId: row.familyId, paymentId: payment.id, amount: payment.amount, method: payment.method, amountDue: invoice.amountDue - payment.amount };
      await tell(tx, organization, await paymentReceiptNotices(tx, organization, receipt));
      return { payment: { id: payment.id, amount: payment.amount, method: payment.method, reference: payment.reference } };
    },
  });
}
