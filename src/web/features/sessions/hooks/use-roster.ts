import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { fetchRoster } from '../api/session-dates-api';

export function useRoster(sessionId: string | undefined, date: string | undefined) {
  return useQuery({
    queryKey: queryKeys.roster(sessionId ?? '', date ?? ''),
    queryFn: () => fetchRoster(sessionId!, date!),
    enabled: Boolean(sessionId && date),
  });
}
