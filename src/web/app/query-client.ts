import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';
import { currentSessionKey } from '../features/auth/hooks/use-current-session';
import { worthRetrying } from '../shared/components/problem-message';

/** A 401 anywhere means the sign-in ended: re-ask /api/me, and the session guard sends the person to sign in. */
function onSignedOut(error: unknown) {
  if (error instanceof ApiError && error.status === 401) {
    void queryClient.invalidateQueries({ queryKey: currentSessionKey });
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // /api/me answering 401 is the guard's own signal; re-asking it would loop.
    onError: (error, query) => query.queryKey[0] !== currentSessionKey[0] && onSignedOut(error),
  }),
  mutationCache: new MutationCache({ onError: onSignedOut }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => worthRetrying(error) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});
