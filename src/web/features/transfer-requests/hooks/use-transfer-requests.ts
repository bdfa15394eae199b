import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TransferRequestStatus } from '../../../api/types';
import { declineTransferRequest, fetchPendingRequestCount, fetchTransferRequest, fetchTransferRequests } from '../api/transfer-requests-api';

const requestKeys = {
  list: (status: TransferRequestStatus, limit: number) => ['transfer-requests', 'list', status, limit] as const,
  pendingCount: () => ['transfer-requests', 'pending-count'] as const,
  one: (id: string) => ['transfer-requests', 'one', id] as const,
};

/** After a decision (here, or a transfer that approved one) the queue and the badge change. */
export function refreshTransferRequests(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: ['transfer-requests'] });
}

export function useTransferRequests(status: TransferRequestStatus, limit: number) {
  return useQuery({ queryKey: requestKeys.list(status, limit), queryFn: () => fetchTransferRequests(status, limit) });
}

/** The menu's badge: families ask at any time, so it looks again every minute. */
export function usePendingRequestCount(enabled: boolean) {
  return useQuery({ queryKey: requestKeys.pendingCount(), queryFn: fetchPendingRequestCount, enabled, refetchInterval: 60_000 });
}

/** One request as Review opens it: always asked afresh, since its enrollment may have changed since the list loaded. */
export function useFetchTransferRequest() {
  const queryClient = useQueryClient();
  return (id: string) => queryClient.fetchQuery({ queryKey: requestKeys.one(id), queryFn: () => fetchTransferRequest(id), staleTime: 0 });
}

export function useDeclineTransferRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => declineTransferRequest(id, reason),
    onSuccess: () => refreshTransferRequests(queryClient),
  });
}
