import { createContext, useContext } from 'react';
import type { CurrentSession } from '../api/auth-api';

export const SessionContext = createContext<CurrentSession | null>(null);

/** The signed-in session; only screens inside RequireSession use it. */
export function useSession(): CurrentSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside RequireSession');
  return session;
}

export function useOrganization() {
  return useSession().organization;
}
