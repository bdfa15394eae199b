import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import { transferRequestRepository, type TransferRequestRow } from '../../../db/repositories/transfer-request-repository.js';
import type { CreatedTransferRequestDto, CreateTransferRequestInput } from '../../../contracts/transfer-requests.js';
import type { TransferInput } from '../../../contracts/transfers.js';
import { organizationRules, type OrganizationContext } from '../../../domain/access/actor.js';
import { AppError, fieldError } from '../../../domain/errors.js';
import { assertFutureFirstDate, assertMovableByRequest, autoApproval, forParent, requestTransferDate } from '../../../domain/transfers/transfer-requests.js';
import type { GuardianActor } from '../../../domain/access/portal-guardian.js';
import { idempotent, type IdempotentResult } from '../idempotency.js';
import { moveWithCheckout } from '../transfers/transfer-client.js';
import { planTransferFromDatabase, type PlannedTransfer } from '../transfers/plan-from-database.js';
import { recordApproval } from './approval.js';
import { toTransferRequestDto } from './request-dto.js';
import { loadRequestedEnrollment, type LoadedEnrollment } from './requested-enrollment.js';

/**
 * A guardian asks to move a child's enrollment (DESIGN.md "The family portal"), in one
 * transaction: the request is checked by the staff transfer's own planning (a seat free from
 * the first date, a real coming date, not already there), stored pending, and, when the
 * organization's rules allow it, approved at once through the same transfer with Pay Later.
 */
export async function requestTransfer(
  db: Database,
  organization: OrganizationContext,
  guardian: GuardianActor,
  input: CreateTransferRequestInput,
  idempotencyKey: string,
): Promise<IdempotentResult<CreatedTransferRequestDto>> {
  return db.transaction((tx) =>
    idempotent(
      tx,
      { organizationId: organization.id, actorUserId: guardian.userId, key: idempotencyKey, operation: 'transfer_request', request: input, status: 201 },
      async () => {
        const loaded = await loadRequestedEnrollment(tx, organization, input.subscriptionId, { lock: true, familyId: guardian.familyId });
        const transferInput = await checkRequest(tx, organization, loaded, input);
        const planned = await planForParent(tx, organization, loaded, transferInput);
        const request = await storeRequest(tx, organization, guardian, { loaded, input });
        await approveByRulesIfAllowed(tx, organization, { request, planned, transferInput });
        const view = (await transferRequestRepository.findView(tx, organization.id, request.id))!;
        return { request: toTransferRequestDto(view) };
      },
    ),
  );
}

/** The enrollment can be moved, the first date is a coming one, nothing waits already; the transfer it implies. */
async function checkRequest(tx: Database, organization: OrganizationContext, loaded: LoadedEnrollment, input: CreateTransferRequestInput): Promise<TransferInput> {
  const { enrollment, subscription } = loaded;
  const { today, locale } = organization;
  assertMovableByRequest(enrollment, { today, locale });
  const firstSessionDate = Temporal.PlainDate.from(input.firstSessionDate);
  assertFutureFirstDate({ firstSessionDate, today, locale });
  if (await transferRequestRepository.findPendingFor(tx, organization.id, subscription.id)) {
    throw fieldError(
      'CONFLICT',
      `You already asked to move ${enrollment.childName} from ${enrollment.sessionName}; wait for the school's answer, or withdraw that request first.`,
      'body.subscriptionId',
      'a request for this enrollment is waiting',
    );
  }
  const transferDate = requestTransferDate({ enrollment, firstSessionDate, today });
  if (!transferDate) {
    throw fieldError('REQUEST_NOT_POSSIBLE', `${enrollment.childName}'s enrollment in ${enrollment.sessionName} has no coming dates to move from.`, 'body.subscriptionId', 'no coming dates');
  }
  return {
    subscriptionId: subscription.id,
    transferDate: transferDate.toString(),
    targetSessionId: input.targetSessionId,
    firstSessionDate: input.firstSessionDate,
    oldEndsOn: null,
    capacityOverride: false,
    reason: '',
    discounts: [],
    accountCredit: null,
    finish: { kind: 'pay_later' },
  };
}

/** The staff transfer's planning, with the target locked as the transfer locks it; its refusals told to a parent. */
async function planForParent(tx: Database, organization: OrganizationContext, loaded: LoadedEnrollment, transferInput: TransferInput): Promise<PlannedTransfer> {
  try {
    return await planTransferFromDatabase(tx, organization, transferInput, { lock: true });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', 'No session has this id; choose one of the sessions offered.', { fields: [{ field: 'body.targetSessionId', message: 'no session has this id' }] });
    const targetName = error.fields.length > 0 ? await targetNameOf(tx, organization, transferInput.targetSessionId) : '';
    throw forParent(error, { childName: loaded.enrollment.childName, targetName, locale: organization.locale });
  }
}

async function targetNameOf(tx: Database, organization: OrganizationContext, sessionId: string) {
  return (await sessionRepository.findById(tx, organization.id, sessionId))?.name ?? 'That session';
}

async function storeRequest(
  tx: Database,
  organization: OrganizationContext,
  guardian: GuardianActor,
  o: { loaded: LoadedEnrollment; input: CreateTransferRequestInput },
): Promise<TransferRequestRow> {
  const request = await transferRequestRepository.insert(tx, organization.id, {
    familyId: guardian.familyId,
    guardianId: guardian.guardianId,
    subscriptionId: o.loaded.subscription.id,
    targetSessionId: o.input.targetSessionId,
    firstSessionDate: o.input.firstSessionDate,
    note: o.input.note,
  });
  await auditRepository.record(tx, {
    organizationId: organization.id,
    actor: { userId: guardian.userId, role: 'guardian' },
    action: 'transfer_request.created',
    entityType: 'transfer_request',
    entityId: request.id,
    clientId: o.loaded.subscription.clientId,
    after: { subscriptionId: request.subscriptionId, targetSessionId: request.targetSessionId, firstSessionDate: request.firstSessionDate, note: request.note },
  });
  return request;
}

/**
 * DESIGN.md: rules the organization sets (same service, same price, a seat free, not
 * back-dated) approve at once with Pay Later, through the same transfer staff make.
 */
async function approveByRulesIfAllowed(
  tx: Database,
  organization: OrganizationContext,
  o: { request: TransferRequestRow; planned: PlannedTransfer; transferInput: TransferInput },
): Promise<void> {
  const { planned } = o;
  const settings = await organizationRepository.billingSettings(tx, organization.id);
  const decision = autoApproval({
    enabled: settings.autoApproveTransferRequests,
    from: { serviceId: planned.fromSession.serviceId, price: planned.subscription.priceSnapshot },
    to: { serviceId: planned.target.serviceId, price: planned.target.price },
    // Planned without a capacity override, so the plan itself says a seat is free.
    seatFree: !planned.plan.capacityOverridden,
    backDated: planned.plan.reachedBack !== null,
  });
  if (!decision.approve) return;
  const result = await moveWithCheckout(tx, organization, organizationRules, { ...o.transferInput, reason: 'Transfer request approved by the organization’s rules' });
  await recordApproval(tx, organization, organizationRules, { requestId: o.request.id, result });
}
