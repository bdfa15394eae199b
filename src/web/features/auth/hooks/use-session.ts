import { createContext, useContext, useMemo } from 'react';
import type { MeDto, OrganizationDto } from '../../../api/types';
import type { MoneyDisplay } from '../../../../domain/billing/value-sets';

export const SessionContext = createContext<MeDto | null>(null);
/** The organization of a family-portal login (features/portal), where there is no staff session. */
export const PortalOrganizationContext = createContext<OrganizationDto | null>(null);

/** The signed-in session; only screens inside RequireSession use it. */
export function useSession(): MeDto {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside RequireSession');
  return session;
}

/** The organization the screen works for: the staff session's, or in the family portal the guardian's. */
export function useOrganization(): OrganizationDto {
  const portal = useContext(PortalOrganizationContext);
  const session = useContext(SessionContext);
  const organization = portal ?? session?.organization;
  if (!organization) throw new Error('useOrganization is used outside RequireSession and the family portal');
  return organization;
}

/** How the organization writes amounts: its currency and locale (the same object until they change). */
export function useMoneyDisplay(): MoneyDisplay {
  const { currency, locale } = useOrganization();
  return useMemo(() => ({ currency, locale }), [currency, locale]);
}
