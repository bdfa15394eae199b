import { Box } from '@mantine/core';
import { useDeferredValue, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../../api/http';
import { QueryState } from '../../../shared/components/query-state';
import { useCurrentSession } from '../hooks/use-current-session';
import { SessionContext } from '../hooks/use-session';

/**
 * Screens inside need a signed-in staff session; without one the person is sent to sign in and
 * brought back after, and a guardian's login is sent to the family portal.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: answered, isPending, error, signedOut, refetch } = useCurrentSession();
  // The frame and the screen are first drawn when the session arrives: in the background and in
  // slices (a server's answer is otherwise drawn in one go, a long task a slow phone cannot answer a tap during).
  const data = useDeferredValue(answered);
  const location = useLocation();
  if (signedOut) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  // A family-portal login has no staff session (403): the portal is where it belongs.
  if (error instanceof ApiError && error.status === 403) return <Navigate to="/portal" replace />;
  if (!data) {
    return (
      <Box p="xl">
        <QueryState label="your organization" isPending={isPending} error={error} onRetry={() => void refetch()}>
          {null}
        </QueryState>
      </Box>
    );
  }
  return <SessionContext value={data}>{children}</SessionContext>;
}
