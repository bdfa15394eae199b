import { Anchor, Box, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { screenLoading } from '../../../app/lazy-screen';
import { useSignOut } from '../../auth/hooks/use-sign-out';
import { usePortalFamily } from '../api/portal-api';
import { portalNav } from '../portal-nav';
import { usePortalSession } from './portal-session';
import classes from './portal-layout.module.css';

/**
 * The family portal's frame, built for a phone first: the organization and the family on top,
 * sign out, and a short row of sections (portal-nav.ts) that wraps rather than scrolls sideways.
 */
export function PortalLayout() {
  const session = usePortalSession();
  const family = usePortalFamily();
  const signOut = useSignOut();
  return (
    <>
      <Anchor href="#main" className="skip-link">
        Skip to main content
      </Anchor>
      <Box component="header" className={classes.header}>
        <Container size="md" px="md" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} miw={0}>
              <Title order={1} size="h4" lineClamp={1}>
                {session.organization.name}
              </Title>
              <Text size="sm" c="dimmed" lineClamp={1}>
                {family.data ? `${family.data.familyName} family` : ' '} · {session.guardian.name}
              </Text>
            </Stack>
            <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending} style={{ flexShrink: 0 }}>
              Sign out
            </Button>
          </Group>
          <Group component="nav" aria-label="Family portal" gap={4} mt="xs" className={classes.nav}>
            {portalNav.map((entry) => (
              <NavLink key={entry.to} to={entry.to} end={entry.end} className={classes.link}>
                {entry.label}
              </NavLink>
            ))}
          </Group>
        </Container>
      </Box>
      <Container size="md" px="md" py="md" component="main" id="main" tabIndex={-1}>
        <Suspense fallback={screenLoading}>
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}
