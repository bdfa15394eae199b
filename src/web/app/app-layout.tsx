import { Anchor, AppShell, Badge, Burger, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { AccountMenu } from '../features/auth/components/account-menu';
import { HeaderSearch } from '../features/search/components/header-search';
import type { Permission, Role } from '../../domain/access/permissions';
import { useCan } from '../features/auth/hooks/use-permission';
import { useSession } from '../features/auth/hooks/use-session';
import { EnrollDialogProvider } from '../features/enrollment/components/enroll-dialog-provider';
import { TransferDialogProvider } from '../features/transfers/components/transfer-dialog-provider';
import { usePendingRequestCount } from '../features/transfer-requests/hooks/use-transfer-requests';
import { screenLoading } from './lazy-screen';

/** The number of transfer requests waiting, beside Requests; read as "3 waiting". */
function PendingBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Badge size="sm" circle={count < 10} color="red" data-testid="requests-badge">
      {count}
      <span className="visually-hidden"> waiting</span>
    </Badge>
  );
}

const sections: { to: string; label: string; end: boolean; shown: (can: (permission: Permission) => boolean, role: Role) => boolean }[] = [
  { to: '/', label: 'Schedule', end: true, shown: () => true },
  { to: '/clients', label: 'Clients', end: false, shown: (can) => can('clients.read') },
  { to: '/requests', label: 'Requests', end: false, shown: (can) => can('clients.read') },
  { to: '/emails', label: 'Emails', end: false, shown: (can) => can('messages.manage') },
  { to: '/setup', label: 'Setup', end: false, shown: (can) => can('catalog.write') || can('clients.write') },
  // An instructor's own calendar feed (matched to their instructor record by email).
  { to: '/my-calendar', label: 'My calendar', end: false, shown: (_can, role) => role === 'instructor' },
];

/** The frame of every signed-in screen: the organization, its zone and currency always in view. */
export function AppLayout() {
  const { organization, role } = useSession();
  const can = useCan();
  const { pathname } = useLocation();
  const isActive = (to: string, end: boolean) => (end ? pathname === to : pathname.startsWith(to));
  // On a phone the navigation folds away behind a menu button, so the screen gets the whole width.
  const [navOpened, nav] = useDisclosure(false);
  const pending = usePendingRequestCount(can('clients.read')).data?.pending ?? 0;
  return (
    <TransferDialogProvider>
      <EnrollDialogProvider>
      <Anchor href="#main" className="skip-link">
        Skip to main content
      </Anchor>
      <AppShell header={{ height: 56 }} navbar={{ width: 180, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label="Navigation"
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              <Title order={1} size="h4" lineClamp={1}>
                {organization.name}
              </Title>
              <Text size="sm" c="dimmed" visibleFrom="lg">
                Times in {organization.timeZone} · amounts in {organization.currency}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <HeaderSearch />
              <AccountMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Main" id="main-navigation" data-nav-closed={!navOpened || undefined}>
          <Stack gap={2}>
            {sections.filter((section) => section.shown(can, role)).map((section) => (
              <NavLink
                key={section.to}
                component={RouterNavLink}
                to={section.to}
                end={section.end}
                label={section.label}
                rightSection={section.to === '/requests' ? <PendingBadge count={pending} /> : undefined}
                active={isActive(section.to, section.end)}
                onClick={nav.close}
              />
            ))}
          </Stack>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Suspense fallback={screenLoading}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
      </EnrollDialogProvider>
    </TransferDialogProvider>
  );
}
