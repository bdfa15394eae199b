import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/http';
import { fetchCurrentSession } from '../api/auth-api';

export const currentSessionKey = ['me'] as const;

export const currentSessionQuery = queryOptions({
  queryKey: currentSessionKey,
  queryFn: fetchCurrentSession,
  staleTime: 5 * 60_000,
  // Asked for at start-up (app/preload.ts), before this hook mounts: a 401 then is the answer, not a reason to ask again.
  retryOnMount: false,
});

/** The signed-in session; `signedOut` is true when the API says 401. */
export function useCurrentSession() {
  const query = useQuery(currentSessionQuery);
  const signedOut = query.error instanceof ApiError && query.error.status === 401;
  return { ...query, signedOut };
}
