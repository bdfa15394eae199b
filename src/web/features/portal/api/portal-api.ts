import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../../api/http';
import type { MessagePreferencesInput } from '../../../../contracts/messages';
import type {
  PortalAccountDto,
  PortalContactInput,
  PortalFamilyDto,
  PortalInvoicesDto,
  PortalMeDto,
  PortalStatementDto,
} from '../../../../contracts/portal';

/** The family portal's queries; every answer is about the signed-in guardian's own family. */
export const portalKeys = {
  me: ['portal', 'me'] as const,
  family: ['portal', 'family'] as const,
  invoices: ['portal', 'invoices'] as const,
  statement: (from: string, to: string) => ['portal', 'statement', from, to] as const,
  account: ['portal', 'account'] as const,
};

export const portalMeQuery = queryOptions({
  queryKey: portalKeys.me,
  queryFn: () => http.get<PortalMeDto>('/api/portal/me'),
  staleTime: 5 * 60_000,
  retry: false,
});

export const usePortalFamily = () => useQuery({ queryKey: portalKeys.family, queryFn: () => http.get<PortalFamilyDto>('/api/portal/family') });
export const usePortalInvoices = () => useQuery({ queryKey: portalKeys.invoices, queryFn: () => http.get<PortalInvoicesDto>('/api/portal/invoices') });
export const usePortalStatement = (from: string, to: string) =>
  useQuery({ queryKey: portalKeys.statement(from, to), queryFn: () => http.get<PortalStatementDto>('/api/portal/statement', { from, to }) });
export const usePortalAccount = () => useQuery({ queryKey: portalKeys.account, queryFn: () => http.get<PortalAccountDto>('/api/portal/account') });

/** Saves the guardian's contacts or email choices; the account query then shows what was saved. */
export function useSavePortalAccount() {
  const queryClient = useQueryClient();
  const onSuccess = (account: PortalAccountDto) => {
    queryClient.setQueryData(portalKeys.account, account);
    void queryClient.invalidateQueries({ queryKey: portalKeys.me });
  };
  return {
    contact: useMutation({ mutationFn: (input: PortalContactInput) => http.patch<PortalAccountDto>('/api/portal/account/contact', input), onSuccess }),
    choices: useMutation({ mutationFn: (input: MessagePreferencesInput) => http.put<PortalAccountDto>('/api/portal/account/message-preferences', input), onSuccess }),
  };
}
