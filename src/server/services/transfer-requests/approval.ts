import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { transferRequestRepository } from '../../../db/repositories/transfer-request-repository.js';
import type { TransferInput, TransferResultDto } from '../../../contracts/transfers.js';
import { organizationRules, recordedActor, type Actor, type OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import { enrollmentChange } from '../../../domain/transfers/transfer-requests.js';
import { tellRequestApproved, tellRequestDeclined } from '../notifications/transfer-request-notices.js';
import { loadRequestedEnrollment } from './requested-enrollment.js';

/** What an approval answers when the request's enrollment changed: the request is refused, and why. */
export interface RefusedRequest {
  refused: string;
}

const decidedAlready: Record<string, string> = {
  approved: 'was already approved',
  declined: 'was already declined',
  withdrawn: 'was withdrawn by the guardian',
  refused: 'was refused because its enrollment changed',
};

/** The request is still pending, or a coded refusal saying what happened to it. */
export function assertPending(request: { status: string }): void {
  if (request.status === 'pending') return;
  throw new AppError('REQUEST_DECIDED', `This transfer request ${decidedAlready[request.status]}; reload to see it.`, { status: request.status });
}

/**
 * Before a transfer approves a request: its enrollment and then the request are locked (two
 * approvals queue here, and the second finds it decided), still pending, and asks for this move. When its enrollment
 * changed since the guardian asked, the request is marked refused with the reason and the
 * family told; the caller moves nothing.
 */
export async function takeUpRequest(
  tx: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: TransferInput & { transferRequestId: string },
): Promise<RefusedRequest | null> {
  const field = 'body.transferRequestId';
  const asked = await transferRequestRepository.findById(tx, organization.id, input.transferRequestId);
  if (!asked) throw new AppError('NOT_FOUND', 'No transfer request has this id in your organization.', { fields: [{ field, message: 'no transfer request has this id' }] });
  if (asked.subscriptionId !== input.subscriptionId || asked.targetSessionId !== input.targetSessionId) {
    throw new AppError('VALIDATION_FAILED', 'This transfer is not the one the guardian asked for: keep the enrollment and the session of the request, or decline it.', {
      fields: [{ field, message: 'the request is for another enrollment or session' }],
    });
  }
  // The enrollment first, then the request: the order every writer locks them in (a staff
  // transfer, unenrollment or undo refusing a waiting request too), so none deadlocks another.
  const { enrollment } = await loadRequestedEnrollment(tx, organization, asked.subscriptionId, { lock: true });
  const request = (await transferRequestRepository.findByIdForUpdate(tx, organization.id, asked.id))!;
  assertPending(request);
  const change = enrollmentChange(enrollment, organization.locale);
  if (!change) return null;
  await decideAndTell(tx, organization, actor, { requestId: request.id, status: 'refused', reason: change });
  return { refused: change };
}

/** After the transfer: the request is approved with it, audited, and the family told where and from when. */
export async function recordApproval(tx: Database, organization: OrganizationContext, actor: Actor, o: { requestId: string; result: TransferResultDto }): Promise<void> {
  const decided = await transferRequestRepository.decide(tx, organization.id, o.requestId, {
    status: 'approved',
    decidedByUserId: recordedActor(actor).userId,
    decisionReason: null,
    transferId: o.result.transfer.id,
  });
  if (!decided) throw new AppError('REQUEST_DECIDED', 'This transfer request was decided meanwhile; reload to see it.');
  const view = (await transferRequestRepository.findView(tx, organization.id, o.requestId))!;
  await auditRepository.record(tx, {
    organizationId: organization.id,
    actor: recordedActor(actor),
    action: actor === organizationRules ? 'transfer_request.approved_automatically' : 'transfer_request.approved',
    entityType: 'transfer_request',
    entityId: o.requestId,
    clientId: view.clientId,
    before: { status: 'pending' },
    after: { status: 'approved', transferId: o.result.transfer.id, ...(actor === organizationRules ? { by: "the organization's rules" } : {}) },
  });
  await tellRequestApproved(tx, organization, { view, newSubscriptionId: o.result.newSubscription.id, firstDate: o.result.transfer.firstSessionDate });
}

/** Declined by staff or refused (its enrollment changed): recorded, audited, and the family told why. */
export async function decideAndTell(
  tx: Database,
  organization: OrganizationContext,
  actor: Actor,
  o: { requestId: string; status: 'declined' | 'refused'; reason: string },
): Promise<void> {
  const decided = await transferRequestRepository.decide(tx, organization.id, o.requestId, {
    status: o.status,
    decidedByUserId: recordedActor(actor).userId,
    decisionReason: o.reason,
    transferId: null,
  });
  if (!decided) throw new AppError('REQUEST_DECIDED', 'This transfer request was decided meanwhile; reload to see it.');
  const view = (await transferRequestRepository.findView(tx, organization.id, o.requestId))!;
  await auditRepository.record(tx, {
    organizationId: organization.id,
    actor: recordedActor(actor),
    action: `transfer_request.${o.status}`,
    entityType: 'transfer_request',
    entityId: o.requestId,
    clientId: view.clientId,
    before: { status: 'pending' },
    after: { status: o.status, reason: o.reason },
  });
  await tellRequestDeclined(tx, organization, { view, reason: o.reason, refused: o.status === 'refused' });
}

/**
 * After staff change an enrollment by other means (a transfer, an unenrollment, an undo), a
 * request waiting on it can no longer be approved: it is refused at once, in the change's
 * transaction, with what changed, and the family told, so nobody waits on it.
 */
export async function refuseWaitingRequestOf(tx: Database, organization: OrganizationContext, actor: Actor, subscriptionId: string): Promise<void> {
  const found = await transferRequestRepository.findPendingFor(tx, organization.id, subscriptionId);
  if (!found) return;
  // Locked after the enrollment (the caller holds it) and read again: a guardian withdrawing it
  // at this moment goes first or finds it refused.
  const waiting = await transferRequestRepository.findByIdForUpdate(tx, organization.id, found.id);
  if (waiting?.status !== 'pending') return;
  const { enrollment } = await loadRequestedEnrollment(tx, organization, subscriptionId, { lock: false });
  const change = enrollmentChange(enrollment, organization.locale);
  if (change) await decideAndTell(tx, organization, actor, { requestId: waiting.id, status: 'refused', reason: change });
}
