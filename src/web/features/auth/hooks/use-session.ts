import { createContext, useContext, useMemo } from 'react';
import type { MeDto } from '../../../api/types';
import type { MoneyDisplay } from '../../../../domain/billing/value-sets';

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

/** How the organization writes amounts: its currency and locale (the same object until they change). */
export function useMoneyDisplay(): MoneyDisplay {
  const { currency, locale } = useOrganization();
  return useMemo(() => ({ currency, locale }), [currency, locale]);
}
