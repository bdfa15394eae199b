import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePortalMe } from '../hooks/use-portal-requests';

/**
 * The family portal's frame for the request screens: the school's name and the way to the
 * family's requests. Phone first: one column, never wider than the screen.
 */
export function PortalFrame({ children }: { children: ReactNode }) {
  const me = usePortalMe();
  return (
    <>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap" maw={640} mx="auto">
          <Text fw={700} lineClamp={1}>
            {me.data?.organization.name ?? 'Family portal'}
          </Text>
          <nav aria-label="Family portal">
            <Anchor component={Link} to="/portal/requests" size="sm">
              My requests
            </Anchor>
          </nav>
        </Group>
      </Box>
      <Container component="main" id="main" size={640} px="md" py="md">
        {children}
      </Container>
    </>
  );
}
