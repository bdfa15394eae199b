import { http } from '../../../api/http';
import type { Page, TransferRequestDetailDto, TransferRequestDto, TransferRequestStatus } from '../../../api/types';

/** Staff's side of a guardian's transfer requests: the queue, the badge's count, one request, a decline. */
export function fetchTransferRequests(status: TransferRequestStatus, limit: number) {
  return http.get<Page<TransferRequestDto>>('/api/transfer-requests', { status, limit });
}

export function fetchPendingRequestCount() {
  return http.get<{ pending: number }>('/api/transfer-requests/pending-count');
}

export function fetchTransferRequest(id: string) {
  return http.get<TransferRequestDetailDto>(`/api/transfer-requests/${id}`);
}

export function declineTransferRequest(id: string, reason: string) {
  return http.post<TransferRequestDto>(`/api/transfer-requests/${id}/decline`, { reason });
}
