import type { Database } from '../../../db/client.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { refundRepository } from '../../../db/repositories/refund-repository.js';
import type { InvoiceDto, RefundInput } from '../../../contracts/billing.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { decideRefund } from '../../../domain/billing/invoice-rules.js';
import { changeInvoice, factsOf } from './change-invoice.js';
import { recordInLedger } from './ledger.js';
import { refundNotices } from '../notifications/notices.js';
import { tell } from '../notifications/tell.js';

/**
 * A manager gives back all or part of a payment (E9): the refund is recorded with its method
 * and reason, the invoice is due again for it, and a transfer an undo refused for the payment
 * can then be undone.
 */
export async function refundPayment(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  invoiceId: string,
  input: RefundInput,
): Promise<InvoiceDto> {
  return changeInvoice(db, organization, actor, invoiceId, {
    action: 'invoice.refunded',
    change: async ({ tx, organizationId, row, invoice, money, ledger }) => {
      const payment = invoice.payments.find((p) => p.id === input.paymentId);
      const decision = decideRefund({ invoice: factsOf(invoice), payment, amount: input.amount, money });
      const refund = await refundRepository.insert(tx, organizationId, {
        invoiceId: row.id,
        paymentId: input.paymentId,
        familyId: row.familyId,
        amount: decision.amount,
        method: input.method,
        reason: input.reason,
        actorUserId: actor.userId,
      });
      // A void invoice keeps its status: the refund gives back money it should never have kept.
      if (row.status !== 'void' && decision.status !== row.status) {
        await invoiceRepository.update(tx, organizationId, row.id, { status: decision.status });
      }
      await recordInLedger(tx, ledger, [
        { familyId: row.familyId, invoiceId: row.id, kind: 'refund', amount: row.status === 'void' ? 0 : decision.amount, description: `Refund (${input.method}): ${input.reason}` },
      ]);
      const told = { familyId: row.familyId, refundId: refund.id, amount: decision.amount, method: input.method, reason: input.reason };
      await tell(tx, organization, await refundNotices(tx, organization, told));
      return { refund: { paymentId: input.paymentId, amount: decision.amount, method: input.method, reason: input.reason } };
    },
  });
}
