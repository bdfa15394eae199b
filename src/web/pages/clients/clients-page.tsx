import { Anchor, Button, Group, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { StackedCell, StackedTable } from '../../shared/components/stacked-table';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ClientDto } from '../../api/types';
import { useCan } from '../../features/auth/hooks/use-permission';
import { clientsApi, FULL_PAGE } from '../../features/catalog/api/catalog-api';
import { useResourceList } from '../../features/catalog/hooks/use-resource';
import { ClientLink } from '../../features/clients/components/client-link';
import { QueryState } from '../../shared/components/query-state';
import { useFormat } from '../../shared/format/use-format';

/** Clients, a page at a time; the search asks the server for names with every word typed. */
export function ClientsPage() {
  const can = useCan();
  const { page, setPage, search, setSearch, debounced, clients } = useClientSearch();
  const shown = clients.data?.items ?? [];
  const total = clients.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / FULL_PAGE));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Clients</Title>
        {can('clients.write') && (
          <Group gap="sm">
            <Anchor component={Link} to="/setup/clients" size="sm">
              Add a child to a family
            </Anchor>
            <Button component={Link} to="/families/new" size="xs">
              New family
            </Button>
          </Group>
        )}
      </Group>
      <TextInput
        label="Search by name"
        placeholder="e.g. Maya Patel"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        w={{ base: '100%', xs: 360 }}
      />
      <QueryState
        label="clients"
        isPending={clients.isPending}
        error={clients.error}
        onRetry={() => void clients.refetch()}
        empty={{
          when: shown.length === 0,
          title: debounced ? `No client matches “${debounced}”` : 'No clients yet',
          description: debounced ? 'Check the spelling or search by last name.' : 'Add families and clients in Setup.',
        }}
      >
        <Text size="sm" c="dimmed" aria-live="polite">
          {debounced ? `${total} clients match.` : `${total} clients.`}
        </Text>
        <ClientsTable clients={shown} />
        {pages > 1 && !debounced && (
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** The page (in the address) or the words searched for (all pages), and the clients the server finds. */
function useClientSearch() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1));
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const clients = useResourceList(clientsApi, {
    limit: FULL_PAGE,
    offset: debounced ? 0 : (page - 1) * FULL_PAGE,
    search: debounced || undefined,
  });
  const setPage = (next: number) => setParams({ page: String(next) });
  return { page, setPage, search, setSearch, debounced, clients };
}

function ClientsTable({ clients }: { clients: ClientDto[] }) {
  const format = useFormat();
  return (
    <StackedTable highlightOnHover verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Born</Table.Th>
          <Table.Th>Notes</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {clients.map((client) => (
          <Table.Tr key={client.id}>
            <StackedCell label="Name">
              <ClientLink client={client} />
            </StackedCell>
            <StackedCell label="Born">{client.birthDate ? format.date(client.birthDate) : '—'}</StackedCell>
            <StackedCell label="Notes">
              <Text size="sm" lineClamp={1} title={client.notes ?? undefined}>
                {client.notes || '—'}
              </Text>
            </StackedCell>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
