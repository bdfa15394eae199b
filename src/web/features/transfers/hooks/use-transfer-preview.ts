import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { TransferPreviewDto, TransferRequest } from '../../../api/types';
import { previewTransfer } from '../api/transfers-api';

export type TransferPreview = ReturnType<typeof useTransferPreview>;

/**
 * Asks the server what the transfer would do, again whenever the request changes (never cached:
 * seats change). `lastGood` keeps the last answer through a refusal, so the checkout stays on
 * screen and the discount that caused it can be removed.
 */
export function useTransferPreview(request: TransferRequest | null) {
  const query = useQuery({
    queryKey: ['transfer-preview', request],
    queryFn: () => previewTransfer(request!),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 0,
  });
  const [lastGood, setLastGood] = useState<TransferPreviewDto | undefined>(undefined);
  useEffect(() => {
    if (query.data && !query.isPlaceholderData) setLastGood(query.data);
  }, [query.data, query.isPlaceholderData]);
  return {
    data: query.isPlaceholderData ? undefined : query.data,
    lastGood: query.data ?? lastGood,
    error: query.error,
    /** True while the shown numbers are not yet the answer to the current request. */
    updating: query.isFetching || query.isPlaceholderData,
  };
}
