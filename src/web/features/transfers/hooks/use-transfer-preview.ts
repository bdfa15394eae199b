import type { TransferRequest } from '../../../api/types';
import { previewTransfer } from '../api/transfers-api';
import { useLivePreview } from './use-live-preview';

export type TransferPreview = ReturnType<typeof useTransferPreview>;

/** What the transfer would do, asked again whenever the request changes (use-live-preview.ts). */
export function useTransferPreview(request: TransferRequest | null) {
  return useLivePreview('transfer-preview', request, previewTransfer);
}
