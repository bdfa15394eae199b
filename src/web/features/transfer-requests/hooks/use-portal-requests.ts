import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { newIdempotencyKey } from '../../transfers/hooks/use-create-transfer';
import {
  createTransferRequest,
  fetchMyTransferRequests,
  fetchPortalTransferTargets,
  withdrawTransferRequest,
} from '../api/portal-requests-api';

const portalKeys = {
  targets: (subscriptionId: string) => ['portal', 'transfer-targets', subscriptionId] as const,
  requests: () => ['portal', 'transfer-requests'] as const,
};

export function usePortalTransferTargets(subscriptionId: string) {
  return useQuery({ queryKey: portalKeys.targets(subscriptionId), queryFn: () => fetchPortalTransferTargets(subscriptionId) });
}

/** Sends the request under one key per screen, so a double tap or a retry asks once. */
export function useSendTransferRequest() {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Parameters<typeof createTransferRequest>[0]) => createTransferRequest(body, idempotencyKey),
    // The family's requests change; the targets stay as they were until the page is opened again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.requests() }),
  });
}

export function useMyTransferRequests() {
  return useQuery({ queryKey: portalKeys.requests(), queryFn: fetchMyTransferRequests });
}

export function useWithdrawTransferRequest() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: withdrawTransferRequest, onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.requests() }) });
}
