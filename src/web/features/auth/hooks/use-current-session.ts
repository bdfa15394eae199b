import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/http';
import { fetchCurrentSession } from '../api/auth-api';

export const currentSessionKey = ['me'] as const;

/** The signed-in session; `signedOut` is true when the API says 401. */
export function useCurrentSession() {
  const query = useQuery({
    queryKey: currentSessionKey,
    queryFn: fetchCurrentSession,
    staleTime: 5 * 60_000,
  });
  const signedOut = query.error instanceof ApiError && query.error.status === 401;
  return { ...query, signedOut };
}
