import type { TransferRequestView } from '../../../db/repositories/transfer-request-repository.js';
import type { TransferRequestDto } from '../../../contracts/transfer-requests.js';

/** Who decided a request, as the guardian and staff read it. */
function decidedBy(view: TransferRequestView): TransferRequestDto['decidedBy'] {
  const { status, decidedByUserId } = view.request;
  if (status === 'pending') return null;
  if (status === 'withdrawn') return 'guardian';
  return decidedByUserId ? 'staff' : 'rules';
}

export function toTransferRequestDto(view: TransferRequestView): TransferRequestDto {
  const { request } = view;
  return {
    id: request.id,
    status: request.status,
    subscriptionId: request.subscriptionId,
    clientId: view.clientId,
    childName: view.childName,
    familyId: request.familyId,
    familyName: view.familyName,
    guardianName: view.guardianName,
    from: { sessionId: view.fromSessionId, sessionName: view.fromSessionName },
    to: { sessionId: request.targetSessionId, sessionName: view.toSessionName },
    firstSessionDate: request.firstSessionDate,
    note: request.note,
    createdAt: request.createdAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
    decidedBy: decidedBy(view),
    decisionReason: request.decisionReason,
    transferId: request.transferId,
  };
}
