import { http } from '../../../api/http';
import type { CreatedTransferRequestDto, PortalTransferTargetsDto, TransferRequestDto } from '../../../api/types';

/** The family portal's side of transfer requests: what a child can move to, asking, and the family's requests. */
export function fetchPortalTransferTargets(subscriptionId: string) {
  return http.get<PortalTransferTargetsDto>(`/api/portal/enrollments/${subscriptionId}/transfer-targets`);
}

export function createTransferRequest(body: { subscriptionId: string; targetSessionId: string; firstSessionDate: string; note: string }, idempotencyKey: string) {
  return http.post<CreatedTransferRequestDto>('/api/portal/transfer-requests', body, { 'idempotency-key': idempotencyKey });
}

export function fetchMyTransferRequests() {
  return http.get<{ items: TransferRequestDto[] }>('/api/portal/transfer-requests');
}

export function withdrawTransferRequest(id: string) {
  return http.post<TransferRequestDto>(`/api/portal/transfer-requests/${id}/withdraw`);
}
