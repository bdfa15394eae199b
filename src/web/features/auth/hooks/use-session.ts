import { createContext, useContext } from 'react';
import type { MeDto } from '../../../api/types';

export const SessionContext = createContext<MeDto | null>(null);

/** The signed-in session; only screens inside RequireSession use it. */
export function useSession(): MeDto {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside RequireSession');
  return session;
}

export function useOrganization() {
  return useSession().organization;
}
