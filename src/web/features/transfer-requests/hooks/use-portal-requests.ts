import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { formatMoney } from '../../../../domain/billing/money';
import { formatInstant, formatLocalDate, formatLocalTime, weekdaysText } from '../../../shared/format/dates';
import { newIdempotencyKey } from '../../transfers/hooks/use-create-transfer';
import {
  createTransferRequest,
  fetchMyTransferRequests,
  fetchPortalMe,
  fetchPortalTransferTargets,
  withdrawTransferRequest,
} from '../api/portal-requests-api';

const portalKeys = {
  me: () => ['portal', 'me'] as const,
  targets: (subscriptionId: string) => ['portal', 'transfer-targets', subscriptionId] as const,
  requests: () => ['portal', 'transfer-requests'] as const,
};

export function usePortalMe() {
  return useQuery({ queryKey: portalKeys.me(), queryFn: fetchPortalMe, staleTime: 5 * 60_000 });
}

/** Dates, times and money as the guardian's school writes them. */
export function usePortalFormat() {
  const organization = usePortalMe().data?.organization;
  return useMemo(() => {
    const locale = organization?.locale ?? 'en-US';
    return {
      date: (date: string) => formatLocalDate(date, locale),
      time: (time: string) => formatLocalTime(time, locale),
      weekdays: (weekdays: number[]) => weekdaysText(weekdays, locale),
      instant: (instant: string) => formatInstant(instant, organization?.timeZone ?? 'UTC', locale),
      money: (amount: number) => formatMoney({ amount, currency: organization?.currency ?? 'USD', locale }),
    };
  }, [organization]);
}

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
