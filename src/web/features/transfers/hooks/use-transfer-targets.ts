import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { fetchTransferTargets } from '../api/transfers-api';

export function useTransferTargets(subscriptionId: string, transferDate: string) {
  return useQuery({
    queryKey: queryKeys.transferTargets(subscriptionId, transferDate),
    queryFn: () => fetchTransferTargets(subscriptionId, transferDate),
  });
}
