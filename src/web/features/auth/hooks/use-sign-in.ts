import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/http';
import { portalMeQuery } from '../../portal/api/portal-api';
import { signIn } from '../api/auth-api';
import { currentSessionQuery } from './use-current-session';

/** Where a login belongs: staff in the staff app; a guardian's login (403 on /api/me) in the family portal. */
export type Landing = 'staff' | 'portal';

async function landingOf(queryClient: QueryClient): Promise<Landing> {
  try {
    await queryClient.fetchQuery(currentSessionQuery);
    return 'staff';
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
    await queryClient.fetchQuery(portalMeQuery);
    return 'portal';
  }
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { email: string; password: string }): Promise<Landing> => {
      await signIn(credentials);
      // Another person may have used this browser: nothing cached may survive a new sign-in.
      queryClient.removeQueries();
      return landingOf(queryClient);
    },
  });
}
