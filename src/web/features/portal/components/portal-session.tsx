import { Box } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../../api/http';
import type { PortalMeDto } from '../../../../contracts/portal';
import { QueryState } from '../../../shared/components/query-state';
import { PortalOrganizationContext } from '../../auth/hooks/use-session';
import { portalMeQuery } from '../api/portal-api';

const PortalSessionContext = createContext<PortalMeDto | null>(null);

/** The guardian signed in to the family portal; only screens inside RequirePortalSession use it. */
export function usePortalSession(): PortalMeDto {
  const session = useContext(PortalSessionContext);
  if (!session) throw new Error('usePortalSession is used outside RequirePortalSession');
  return session;
}

/**
 * The portal's screens need a guardian's login: signed out, the person signs in and comes back;
 * a staff login is sent to the staff app (the portal is not theirs).
 */
export function RequirePortalSession({ children }: { children: ReactNode }) {
  const { data, isPending, error, refetch } = useQuery(portalMeQuery);
  const location = useLocation();
  if (error instanceof ApiError && error.status === 401) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (error instanceof ApiError && error.status === 403) return <Navigate to="/" replace />;
  if (!data) {
    return (
      <Box p="xl">
        <QueryState label="your family" isPending={isPending} error={error} onRetry={() => void refetch()}>
          {null}
        </QueryState>
      </Box>
    );
  }
  return (
    <PortalOrganizationContext value={data.organization}>
      <PortalSessionContext value={data}>{children}</PortalSessionContext>
    </PortalOrganizationContext>
  );
}
