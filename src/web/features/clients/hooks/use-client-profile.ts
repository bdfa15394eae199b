import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { fetchClientProfile } from '../api/client-profile-api';

export function useClientProfile(clientId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.clientProfile(clientId ?? ''),
    queryFn: () => fetchClientProfile(clientId!),
    enabled: Boolean(clientId),
  });
}
