import type { Database } from '../../../db/client.js';
import { transferRequestRepository } from '../../../db/repositories/transfer-request-repository.js';
import type { TransferRequestDto } from '../../../contracts/transfer-requests.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import type { GuardianActor } from '../../../domain/access/portal-guardian.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { assertPending, decideAndTell } from './approval.js';
import { toTransferRequestDto } from './request-dto.js';

const notFound = () => new AppError('NOT_FOUND', 'No transfer request has this id.');

/** Staff decline a pending request with a reason the guardian reads; the family is told in the same transaction. */
export async function declineTransferRequest(db: Database, organization: OrganizationContext, actor: Actor, o: { id: string; reason: string }): Promise<TransferRequestDto> {
  return db.transaction(async (tx) => {
    const request = await transferRequestRepository.findByIdForUpdate(tx, organization.id, o.id);
    if (!request) throw notFound();
    assertPending(request);
    await decideAndTell(tx, organization, actor, { requestId: request.id, status: 'declined', reason: o.reason });
    return toTransferRequestDto((await transferRequestRepository.findView(tx, organization.id, o.id))!);
  });
}

/** The guardian takes back a request still waiting; another family's request is not found. */
export async function withdrawTransferRequest(db: Database, organization: OrganizationContext, guardian: GuardianActor, id: string): Promise<TransferRequestDto> {
  return db.transaction(async (tx) => {
    const request = await transferRequestRepository.findByIdForUpdate(tx, organization.id, id);
    if (!request || request.familyId !== guardian.familyId) throw notFound();
    assertPending(request);
    await transferRequestRepository.decide(tx, organization.id, id, { status: 'withdrawn', decidedByUserId: null, decisionReason: null, transferId: null });
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor: { userId: guardian.userId, role: 'guardian' },
      action: 'transfer_request.withdrawn',
      entityType: 'transfer_request',
      entityId: id,
      before: { status: 'pending' },
      after: { status: 'withdrawn' },
    });
    return toTransferRequestDto((await transferRequestRepository.findView(tx, organization.id, id))!);
  });
}
