/**
 * The family portal's navigation, in order. Kept small and in one place so the portal's other
 * screens (transfer requests, the calendar feed) add their entry here with one line.
 */
export interface PortalNavEntry {
  to: string;
  label: string;
  /** Active only on exactly this path (Home), not on the paths below it. */
  end?: boolean;
}

export const portalNav: PortalNavEntry[] = [
  { to: '/portal', label: 'Home', end: true },
  { to: '/portal/invoices', label: 'Invoices' },
  { to: '/portal/requests', label: 'Requests' },
  { to: '/portal/calendar', label: 'Calendar' },
  { to: '/portal/account', label: 'Account' },
];
