import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { transferRepository } from '../../../db/repositories/transfer-repository.js';
import { settle, type CheckoutFinish } from '../../../domain/billing/checkout-finish.js';
import { requirePermission, type Actor, type OrganizationContext } from '../../../domain/access/actor.js';
import type { TransferInput, TransferResultDto } from '../../../contracts/transfers.js';
import { createInvoiceWithDetails, recordSettlement } from '../billing/create-invoice.js';
import { toInvoiceDtos, writtenInReadOrder } from '../billing/invoice-details.js';
import { endSubscription } from '../enrollment/end-subscription.js';
import { toSubscriptionDto } from '../enrollment/subscription-dto.js';
import { idempotent, type IdempotentResult } from '../idempotency.js';
import { planTransferFromDatabase } from './plan-from-database.js';
import { toTransferDto } from './transfer-dto.js';
import { assertTransferAllowed } from './transfer-permissions.js';

function toDomainFinish(finish: TransferInput['finish']): CheckoutFinish {
  switch (finish.kind) {
    case 'pay_now':
      return { kind: 'pay_now', amount: finish.amount, method: finish.method, reference: finish.reference ?? null };
    case 'pay_later':
      return { kind: 'pay_later', dueOn: finish.dueOn ? Temporal.PlainDate.from(finish.dueOn) : null };
    case 'close_now':
      return finish;
  }
}

/**
 * The transfer with its checkout, in one transaction: the old subscription ends (its open
 * invoices due after the end are voided), the new one starts, its first invoice is written
 * with the chosen discounts and settled by the finish, the transfer is recorded and audited.
 * The Idempotency-Key makes a double click or a retry return the first result.
 */
export async function transferClient(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: TransferInput,
  idempotencyKey: string,
): Promise<IdempotentResult<TransferResultDto>> {
  return db.transaction((tx) =>
    idempotent(
      tx,
      { organizationId: organization.id, key: idempotencyKey, operation: 'transfer', request: input, status: 201 },
      async () => {
        const planned = await planTransferFromDatabase(tx, organization, input, { lock: true });
        const { subscription, plan, quote, target, today } = planned;
        assertTransferAllowed(actor, plan, today);
        const money = { currency: organization.currency, locale: organization.locale };

        const { ended, voidedInvoiceIds } = await endSubscription(tx, {
          organizationId: organization.id,
          locale: organization.locale,
          subscription,
          sessionName: planned.fromSession.name,
          schedule: planned.fromSchedule,
          date: plan.oldEndsOn,
        });
        const newSubscription = await subscriptionRepository.insert(tx, organization.id, {
          clientId: subscription.clientId,
          sessionId: target.id,
          startsOn: plan.firstSessionDate.toString(),
          endsOn: null,
          paymentPlan: target.paymentPlan,
          priceSnapshot: target.price,
          capacityOverride: plan.capacityOverridden ? 1 : 0,
        });
        const finish = toDomainFinish(input.finish);
        const { invoice: created, lines, discounts } = await createInvoiceWithDetails(tx, {
          organizationId: organization.id,
          familyId: planned.clientFamilyId,
          subscriptionId: newSubscription.id,
          issuedOn: today.toString(),
          dueOn: (finish.kind === 'pay_later' && finish.dueOn?.toString()) || quote.invoice.dueOn,
          lines: quote.invoice.lines,
          discounts: input.discounts,
          money,
        });
        const settlement = settle({ total: created.total, finish, money });
        if (settlement.writeOff > 0) requirePermission(actor, 'billing.adjust');
        const settled = await recordSettlement(tx, {
          organizationId: organization.id,
          invoice: created,
          settlement,
          ...(finish.kind === 'pay_now' ? { payment: { method: finish.method, reference: finish.reference ?? null } } : {}),
          ...(finish.kind === 'close_now' ? { writeOffReason: finish.reason } : {}),
        });
        const transfer = await transferRepository.insert(tx, organization.id, {
          clientId: subscription.clientId,
          fromSubscriptionId: subscription.id,
          toSubscriptionId: newSubscription.id,
          transferDate: plan.transferDate.toString(),
          previousEndsOn: subscription.endsOn,
          reason: input.reason,
          actorUserId: actor.userId,
          checkout: finish.kind,
          invoiceId: created.id,
          voidedInvoiceIds,
        });
        // Built from the rows just written, not read back (four queries fewer per transfer).
        const [invoice] = toInvoiceDtos(
          [settled.invoice],
          writtenInReadOrder({
            lines,
            discounts,
            payments: settled.payment ? [settled.payment] : [],
            writeOffs: settled.writeOff ? [settled.writeOff] : [],
          }),
        );
        const result: TransferResultDto = {
          transfer: toTransferDto(transfer),
          oldSubscription: toSubscriptionDto(ended),
          newSubscription: toSubscriptionDto(newSubscription),
          invoice: invoice!,
          voidedInvoiceIds,
          warnings: plan.warnings,
        };
        await auditRepository.record(tx, {
          organizationId: organization.id,
          actor,
          action: plan.capacityOverridden ? 'transfer.completed_with_capacity_override' : 'transfer.completed',
          entityType: 'transfer',
          entityId: transfer.id,
          clientId: subscription.clientId,
          before: { oldSubscription: toSubscriptionDto(subscription) },
          after: result,
        });
        return result;
      },
    ),
  );
}
