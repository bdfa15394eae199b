import type { Database } from '../../../db/client.js';
import { invoiceRepository, type InvoiceRow } from '../../../db/repositories/invoice-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { refundRepository } from '../../../db/repositories/refund-repository.js';
import type { InvoiceDto, RefundInput } from '../../../contracts/billing.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { decideRefund } from '../../../domain/billing/invoice-rules.js';
import { changeInvoice, factsOf } from './change-invoice.js';
import { endVoids } from '../enrollment/end-subscription.js';
import { recordInLedger, type LedgerContext } from './ledger.js';
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
      await voidIfItsEnrollmentEnded(tx, { organizationId, ledger, row, invoice, refunded: decision.amount, status: decision.status });
      const told = { familyId: row.familyId, refundId: refund.id, amount: decision.amount, method: input.method, reason: input.reason };
      await tell(tx, organization, await refundNotices(tx, organization, told));
      return { refund: { paymentId: input.paymentId, amount: decision.amount, method: input.method, reason: input.reason } };
    },
  });
}

/**
 * Money kept an invoice alive when its enrollment ended (or was cancelled) before it was due; once
 * the refund leaves nothing on it, it asks for a period the client no longer attends, so it is
 * voided as ending the enrollment would have voided it (the family does not owe it again).
 */
async function voidIfItsEnrollmentEnded(
  tx: Database,
  o: { organizationId: string; ledger: LedgerContext; row: InvoiceRow; invoice: InvoiceDto; refunded: number; status: string },
) {
  const { row, invoice } = o;
  if (row.status === 'void' || o.status !== 'open' || !row.subscriptionId) return;
  if (invoice.paid - o.refunded > 0 || invoice.credited > 0) return;
  const subscription = await subscriptionRepository.findById(tx, o.organizationId, row.subscriptionId);
  if (!subscription || !endVoids(subscription, row)) return;
  await invoiceRepository.update(tx, o.organizationId, row.id, { status: 'void', statusBeforeVoid: 'open' });
  const amountDue = invoice.total - invoice.writtenOff;
  await recordInLedger(tx, o.ledger, [
    { familyId: row.familyId, invoiceId: row.id, kind: 'void', amount: -amountDue, description: 'Invoice voided: refunded, and its enrollment has ended' },
  ]);
}
