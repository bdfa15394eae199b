import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { transferRepository } from '../../../db/repositories/transfer-repository.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { TransferInput, TransferResultDto } from '../../../contracts/transfers.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import type { InvoiceDto } from '../../../contracts/billing.js';
import { issueAndDueDates } from '../../../domain/billing/billing-periods.js';
import { addAccountCredit } from '../billing/account-credit.js';
import { checkoutInvoice } from '../billing/checkout.js';
import { createInvoice } from '../billing/create-invoice.js';
import { loadInvoices } from '../billing/invoice-details.js';
import type { LedgerContext } from '../billing/ledger.js';
import { endSubscription } from '../enrollment/end-subscription.js';
import { toSubscriptionDto } from '../enrollment/subscription-dto.js';
import { idempotent, type IdempotentResult } from '../idempotency.js';
import { planTransferFromDatabase, type PlannedTransfer } from './plan-from-database.js';
import { toTransferDto } from './transfer-dto.js';
import { Temporal } from 'temporal-polyfill';
import { realSessionDates } from '../../../domain/schedule/session-dates.js';
import { transferNotices } from '../notifications/notices.js';
import { tell } from '../notifications/tell.js';
import { assertTransferAllowed } from './transfer-permissions.js';
import { AppError } from '../../../domain/errors.js';
import { recordedActor } from '../../../domain/access/actor.js';
import { recordApproval, refuseWaitingRequestOf, takeUpRequest, type RefusedRequest } from '../transfer-requests/approval.js';

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
  const result = await db.transaction((tx) =>
    idempotent(
      tx,
      { organizationId: organization.id, actorUserId: actor.userId, key: idempotencyKey, operation: 'transfer', request: input, status: 201 },
      () => (input.transferRequestId ? approveRequestWithTransfer(tx, organization, actor, { ...input, transferRequestId: input.transferRequestId }) : moveRefusingWaitingRequest(tx, organization, actor, input)),
    ),
  );
  // A request whose enrollment changed was marked refused (committed, with the guardian told); the approval is refused.
  if ('refused' in result.body) throw new AppError('ENROLLMENT_CHANGED', result.body.refused, { fields: [{ field: 'body.transferRequestId', message: 'the enrollment changed since the guardian asked' }] });
  return { ...result, body: result.body };
}

/** A transfer staff start themselves: a guardian's request waiting on the old enrollment is refused with it. */
async function moveRefusingWaitingRequest(tx: Database, organization: OrganizationContext, actor: Actor, input: TransferInput): Promise<TransferResultDto> {
  const result = await moveWithCheckout(tx, organization, actor, input);
  await refuseWaitingRequestOf(tx, organization, actor, input.subscriptionId);
  return result;
}

/**
 * Staff approve a guardian's request by doing the transfer it asks for: the request is locked
 * first, so of two approvals one transfers and the other finds it decided; a request whose
 * enrollment changed is marked refused instead, and nothing moves.
 */
async function approveRequestWithTransfer(
  tx: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: TransferInput & { transferRequestId: string },
): Promise<TransferResultDto | RefusedRequest> {
  const refused = await takeUpRequest(tx, organization, actor, input);
  if (refused) return refused;
  const result = await moveWithCheckout(tx, organization, actor, input);
  await recordApproval(tx, organization, actor, { requestId: input.transferRequestId, result });
  return result;
}

/**
 * The transfer with its checkout inside the caller's transaction (staff's, or the organization's
 * rules approving a request): plan, move, invoice, keep the billing horizon, record, tell.
 */
export async function moveWithCheckout(tx: Database, organization: OrganizationContext, actor: Actor, input: TransferInput): Promise<TransferResultDto> {
  const planned = await planTransferFromDatabase(tx, organization, input, { lock: true });
  assertTransferAllowed(actor, planned.plan, organization);
  const ledger = { organizationId: organization.id, actorUserId: recordedActor(actor).userId, today: organization.today };
  const moved = await moveEnrollment(tx, organization, ledger, planned);
  const invoice = await checkoutInvoice(tx, {
    organizationId: organization.id,
    actor,
    familyId: planned.clientFamilyId,
    subscriptionId: moved.newSubscription.id,
    issuedOn: planned.today,
    dueOn: planned.quote.invoice.dueOn,
    period: planned.quote.invoice.period,
    lines: planned.quote.invoice.lines,
    discounts: input.discounts,
    finish: input.finish,
    money: { currency: organization.currency, locale: organization.locale },
  });
  const horizonInvoices = await keepBillingHorizon(tx, organization, ledger, { planned, newSubscriptionId: moved.newSubscription.id });
  if (input.accountCredit) await addAccountCredit(tx, ledger, { familyId: planned.clientFamilyId, ...input.accountCredit });
  const result = await recordTransfer(tx, organization, actor, { planned, moved, invoice, horizonInvoices, input });
  await tellFamilyAndInstructors(tx, organization, { planned, result });
  return result;
}

/**
 * E8: the new enrollment's invoices for the later periods whose old invoices the transfer
 * voided, issued now (due as the organization's settings say), so the balance never drops.
 */
async function keepBillingHorizon(
  tx: Database,
  organization: OrganizationContext,
  ledger: LedgerContext,
  o: { planned: PlannedTransfer; newSubscriptionId: string },
): Promise<InvoiceDto[]> {
  const settings = await organizationRepository.billingSettings(tx, organization.id);
  const rows = [];
  for (const bill of o.planned.quote.horizonInvoices) {
    const { dueOn } = issueAndDueDates({ period: bill.period, issueDaysBefore: settings.invoiceIssueDaysBefore, dueDayOfMonth: settings.invoiceDueDay });
    rows.push(
      await createInvoice(tx, ledger, {
        familyId: o.planned.clientFamilyId,
        subscriptionId: o.newSubscriptionId,
        period: bill.period,
        issuedOn: organization.today.toString(),
        dueOn: dueOn.toString(),
        lines: bill.lines,
        discounts: [],
        money: { currency: organization.currency, locale: organization.locale },
      }),
    );
  }
  return loadInvoices(tx, organization.id, rows);
}

/** The family and both instructors hear of the move, in this transaction (DESIGN.md "Notifications"). */
async function tellFamilyAndInstructors(tx: Database, organization: OrganizationContext, o: { planned: PlannedTransfer; result: TransferResultDto }) {
  const { plan, subscription, fromSchedule } = o.planned;
  const lookBackFrom = plan.oldEndsOn.subtract({ days: 62 });
  const startsOn = Temporal.PlainDate.from(subscription.startsOn);
  const lastOldDate =
    realSessionDates({ ...fromSchedule, from: Temporal.PlainDate.compare(startsOn, lookBackFrom) > 0 ? startsOn : lookBackFrom, to: plan.oldEndsOn }).at(-1) ?? null;
  const notices = await transferNotices(tx, organization, {
    transferId: o.result.transfer.id,
    fromSubscriptionId: subscription.id,
    toSubscriptionId: o.result.newSubscription.id,
    lastOldDate,
    oldEndsOn: plan.oldEndsOn,
    firstDate: plan.firstSessionDate,
    invoice: o.result.invoice,
    horizonInvoices: o.result.horizonInvoices,
  });
  await tell(tx, organization, notices);
}

/** The old enrollment ends on the planned date (its later open invoices voided); the new one starts. */
async function moveEnrollment(tx: Database, organization: OrganizationContext, ledger: LedgerContext, planned: PlannedTransfer) {
  const { subscription, plan, target } = planned;
  const { ended, voidedInvoiceIds } = await endSubscription(tx, {
    organizationId: organization.id,
    ledger,
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
  return { ended, voidedInvoiceIds, newSubscription };
}

/** The transfer record, with the result it answers and the audit event that shows it in history. */
async function recordTransfer(
  tx: Database,
  organization: OrganizationContext,
  actor: Actor,
  o: {
    planned: PlannedTransfer;
    moved: Awaited<ReturnType<typeof moveEnrollment>>;
    invoice: TransferResultDto['invoice'];
    horizonInvoices: InvoiceDto[];
    input: TransferInput;
  },
): Promise<TransferResultDto> {
  const { subscription, plan } = o.planned;
  const transfer = await transferRepository.insert(tx, organization.id, {
    clientId: subscription.clientId,
    fromSubscriptionId: subscription.id,
    toSubscriptionId: o.moved.newSubscription.id,
    transferDate: plan.transferDate.toString(),
    oldEndsOn: plan.oldEndsOn.toString(),
    firstSessionDate: plan.firstSessionDate.toString(),
    previousEndsOn: subscription.endsOn,
    reason: o.input.reason,
    actorUserId: recordedActor(actor).userId,
    checkout: o.input.finish.kind,
    invoiceId: o.invoice.id,
    accountCredit: o.input.accountCredit?.amount ?? 0,
    voidedInvoiceIds: o.moved.voidedInvoiceIds,
  });
  const result: TransferResultDto = {
    transfer: toTransferDto(transfer),
    oldSubscription: toSubscriptionDto(o.moved.ended),
    newSubscription: toSubscriptionDto(o.moved.newSubscription),
    invoice: o.invoice,
    horizonInvoices: o.horizonInvoices,
    voidedInvoiceIds: o.moved.voidedInvoiceIds,
    warnings: plan.warnings,
  };
  await auditRepository.record(tx, {
    organizationId: organization.id,
    actor: recordedActor(actor),
    action: plan.capacityOverridden ? 'transfer.completed_with_capacity_override' : 'transfer.completed',
    entityType: 'transfer',
    entityId: transfer.id,
    clientId: subscription.clientId,
    before: { oldSubscription: toSubscriptionDto(subscription) },
    after: result,
  });
  return result;
}
