import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys, refreshBillingViews } from '../../../api/query-keys';
import type { BillingSettingsDto, BillingSettingsInput } from '../../../api/types';
import { billingApi, type StatementRange } from '../api/billing-api';

export function useFamilyBalance(familyId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.familyBalance(familyId ?? ''),
    queryFn: () => billingApi.familyBalance(familyId!),
    enabled: Boolean(familyId),
  });
}

export function useInvoice(invoiceId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.invoice(invoiceId ?? ''),
    queryFn: () => billingApi.invoice(invoiceId!),
    enabled: Boolean(invoiceId),
  });
}

/** The statement of a range; the last one stays on screen while another range loads. */
export function useStatement(familyId: string, range: StatementRange | null) {
  return useQuery({
    queryKey: queryKeys.statement(familyId, range?.from ?? '', range?.to ?? ''),
    queryFn: () => billingApi.statement(familyId, range!),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

/**
 * One change to what a family owes (a payment, a discount, a refund…): every screen that shows
 * its balance, invoices or statement is refreshed after it.
 */
export function useBillingChange<Variables, Result>(change: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    // The dialog closes once the screens show the change, so focus returns to what is still there.
    onSuccess: () => refreshBillingViews(queryClient),
  });
}

export function useBillingSettings() {
  return useQuery({ queryKey: queryKeys.billingSettings(), queryFn: billingApi.billingSettings });
}

export function useUpdateBillingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BillingSettingsInput) => billingApi.updateBillingSettings(input),
    onSuccess: (saved: BillingSettingsDto) => queryClient.setQueryData(queryKeys.billingSettings(), saved),
  });
}
