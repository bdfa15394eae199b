import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchCurrentSession, signIn } from '../api/auth-api';
import { currentSessionKey } from './use-current-session';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    // Another person may have used this browser: nothing cached may survive a new sign-in.
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: currentSessionKey, queryFn: fetchCurrentSession });
    },
  });
}
