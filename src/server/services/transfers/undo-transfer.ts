import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { attendanceRepository } from '../../../db/repositories/attendance-repository.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { invoiceRepository } from '../../../db/repositories/invoice-repository.js';
import { paymentRepository } from '../../../db/repositories/payment-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { transferRepository } from '../../../db/repositories/transfer-repository.js';
import { AppError } from '../../../domain/errors.js';
import { writeDate } from '../../../domain/formatting/intl-formats.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { toSubscriptionDto } from '../enrollment/subscription-dto.js';
import { assertSeatAvailable } from '../enrollment/seat-check.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';
import { toTransferDto } from './transfer-dto.js';

const refuse = (why: string) => new AppError('UNDO_NOT_POSSIBLE', `This transfer cannot be undone: ${why}`);

/**
 * Undoes a transfer while nothing depends on it: the new subscription and its invoices are
 * voided (kept in history), the old subscription gets back exactly the end it had, and the
 * invoices the transfer voided are open again. One transaction.
 */
export async function undoTransfer(db: Database, organization: OrganizationContext, actor: Actor, transferId: string) {
  return db.transaction(async (tx) => {
    const transfer = await transferRepository.findByIdForUpdate(tx, organization.id, transferId);
    if (!transfer) throw new AppError('NOT_FOUND', 'No transfer has this id in your organization.');
    if (transfer.status === 'undone') throw refuse('it was already undone.');
    const oldSubscription = (await subscriptionRepository.findByIdForUpdate(tx, organization.id, transfer.fromSubscriptionId))!;
    const newSubscription = (await subscriptionRepository.findByIdForUpdate(tx, organization.id, transfer.toSubscriptionId))!;
    // Undoing restores the old enrollment's end from before this transfer; if the same enrollment was
    // transferred again since, that would put the client back in it while the later transfer stands.
    const later = (await transferRepository.listFromSubscription(tx, organization.id, oldSubscription.id)).filter(
      (t) => t.id !== transfer.id && t.status === 'completed' && t.createdAt > transfer.createdAt,
    );
    if (later.length > 0) {
      throw refuse(`the same enrollment was transferred again on ${writeDate(later[0]!.transferDate, organization.locale)}. Undo that later transfer first.`);
    }

    // Locked before payments are looked at: a payment recorded at this moment waits, then finds the invoice void.
    const newInvoices = await invoiceRepository.listForSubscriptionsForUpdate(tx, organization.id, [newSubscription.id]);
    const payments = await paymentRepository.listForInvoices(tx, organization.id, newInvoices.map((i) => i.id));
    if (payments.length > 0) {
      throw refuse('a payment was taken on the new enrollment. Refund or move the payment first, then transfer again.');
    }
    if (await attendanceRepository.anyForSubscription(tx, organization.id, newSubscription.id)) {
      throw refuse('attendance was taken on the new enrollment. Transfer the client back instead.');
    }

    // Restoring the old dates takes their seats back; someone may have taken them since.
    const oldSession = (await sessionRepository.findByIdForUpdate(tx, organization.id, oldSubscription.sessionId))!;
    const schedule = (await loadSessionSchedules(tx, organization, [oldSession])).get(oldSession.id)!;
    const restoredFrom = oldSubscription.status === 'void' ? oldSubscription.startsOn : oldSubscription.endsOn!;
    try {
      await assertSeatAvailable(tx, {
        organizationId: organization.id,
        locale: organization.locale,
        session: oldSession,
        schedule,
        clientId: oldSubscription.clientId,
        period: {
          startsOn: Temporal.PlainDate.from(restoredFrom),
          endsOn: transfer.previousEndsOn ? Temporal.PlainDate.from(transfer.previousEndsOn) : null,
        },
      });
    } catch (error) {
      if (error instanceof AppError) throw refuse(`${oldSession.name}: ${error.message}`);
      throw error;
    }

    const voidedNew = await invoiceRepository.voidOpenDueOnOrAfter(tx, organization.id, newSubscription.id, '1900-01-01');
    for (const invoice of newInvoices.filter((i) => i.status === 'closed')) {
      await invoiceRepository.update(tx, organization.id, invoice.id, { status: 'void', statusBeforeVoid: invoice.status });
    }
    const cancelled = (await subscriptionRepository.update(tx, organization.id, newSubscription.id, { status: 'void' }))!;
    const restored = (await subscriptionRepository.update(tx, organization.id, oldSubscription.id, {
      status: 'active',
      endsOn: transfer.previousEndsOn,
    }))!;
    const reopenedInvoiceIds: string[] = [];
    for (const id of transfer.voidedInvoiceIds) {
      const invoice = await invoiceRepository.findById(tx, organization.id, id);
      if (invoice?.status !== 'void') continue;
      await invoiceRepository.update(tx, organization.id, id, { status: invoice.statusBeforeVoid ?? 'open', statusBeforeVoid: null });
      reopenedInvoiceIds.push(id);
    }
    const undone = (await transferRepository.update(tx, organization.id, transfer.id, { status: 'undone', undoneAt: new Date() }))!;
    const result = {
      transfer: toTransferDto(undone),
      oldSubscription: toSubscriptionDto(restored),
      newSubscription: toSubscriptionDto(cancelled),
      voidedInvoiceIds: [...voidedNew, ...newInvoices.filter((i) => i.status === 'closed').map((i) => i.id)],
      reopenedInvoiceIds,
    };
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: 'transfer.undone',
      entityType: 'transfer',
      entityId: transfer.id,
      clientId: transfer.clientId,
      before: { transfer: toTransferDto(transfer), oldSubscription: toSubscriptionDto(oldSubscription), newSubscription: toSubscriptionDto(newSubscription) },
      after: result,
    });
    return result;
  });
}
