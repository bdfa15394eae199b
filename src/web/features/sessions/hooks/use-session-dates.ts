import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { fetchSessionDates } from '../api/session-dates-api';

/** A session's dates in [from, to), cancelled ones included and marked, with free seats. */
export function useSessionDates(sessionId: string | undefined, range: { from: string; to: string }) {
  return useQuery({
    queryKey: queryKeys.sessionDates(sessionId ?? '', range.from, range.to),
    queryFn: () => fetchSessionDates(sessionId!, range),
    enabled: Boolean(sessionId),
    select: (data) => data.dates,
  });
}
