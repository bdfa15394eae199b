import { Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';

/** In the order a new business sets itself up. */
const sections = [
  { path: 'locations', label: 'Locations' },
  { path: 'instructors', label: 'Instructors' },
  { path: 'services', label: 'Services' },
  { path: 'sessions', label: 'Sessions' },
  { path: 'families', label: 'Families' },
  { path: 'clients', label: 'Clients' },
  { path: 'billing', label: 'Billing' },
];

export function SetupLayout() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = sections.find((section) => pathname.startsWith(`/setup/${section.path}`))?.path ?? null;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Setup</Title>
        <Text size="sm" c="dimmed">
          Starting out? Add locations and instructors, then services and their sessions, then families and their clients, and check how invoices are issued.
        </Text>
      </div>
      <Tabs value={current} onChange={(path) => path && navigate(`/setup/${path}`)} keepMounted={false}>
        <Tabs.List>
          {sections.map((section) => (
            <Tabs.Tab key={section.path} value={section.path}>
              {section.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<Loader size="sm" aria-label="Loading the setup screen" />}>
        <Outlet />
      </Suspense>
    </Stack>
  );
}
