import { http } from '../../../api/http';
import type {
  FinishInput,
  TransferPreviewDto,
  TransferRequest,
  TransferResultDto,
  TransferTargetsDto,
  UndoTransferResultDto,
} from '../../../api/types';

export function fetchTransferTargets(subscriptionId: string, transferDate: string) {
  return http.get<TransferTargetsDto>(`/api/subscriptions/${subscriptionId}/transfer-targets`, { date: transferDate });
}

/** The plan, warnings and checkout quote of a transfer; changes nothing. */
export function previewTransfer(request: TransferRequest) {
  return http.post<TransferPreviewDto>('/api/transfers/preview', request);
}

/** The same key on a retry makes the server answer with the first result instead of transferring twice. */
export function createTransfer(request: TransferRequest & { finish: FinishInput; transferRequestId?: string }, idempotencyKey: string) {
  return http.post<TransferResultDto>('/api/transfers', request, { 'idempotency-key': idempotencyKey });
}

export function undoTransfer(transferId: string) {
  return http.post<UndoTransferResultDto>(`/api/transfers/${transferId}/undo`);
}
