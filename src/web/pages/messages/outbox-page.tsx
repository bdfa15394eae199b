import { Button, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { KindChoices } from '../../features/messages/components/kind-choices';
import { MessageList } from '../../features/messages/components/message-list';
import { useOrganizationMessageSettings, useOutbox, useSetOrganizationMessageSettings } from '../../features/messages/hooks/use-messages';
import type { MessageStatusFilter } from '../../features/messages/message-types';
import { ProblemAlert } from '../../shared/components/problem-alert';
import { QueryState } from '../../shared/components/query-state';

const PAGE = 25;
const filters: { value: MessageStatusFilter | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'failed', label: 'Failed' },
  { value: 'pending', label: 'Waiting' },
  { value: 'sent', label: 'Sent' },
  { value: 'withheld', label: 'Not sent' },
];

/** Managers: every email the organization sent or holds, failed ones to send again, and the kinds it sends at all. */
export function OutboxPage() {
  const [status, setStatus] = useState<MessageStatusFilter | 'all'>('all');
  const [limit, setLimit] = useState(PAGE);
  const outbox = useOutbox({ limit, ...(status === 'all' ? {} : { status }) });
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Emails
      </Title>
      <OrganizationKinds />
      <SegmentedControl
        value={status}
        onChange={(v) => {
          setStatus(v as MessageStatusFilter | 'all');
          setLimit(PAGE);
        }}
        data={filters}
        aria-label="Show emails that are"
        fullWidth
      />
      <QueryState
        label="the emails"
        isPending={outbox.isPending}
        error={outbox.error}
        onRetry={() => void outbox.refetch()}
        empty={{ when: outbox.data?.total === 0, title: status === 'all' ? 'No emails yet' : 'None here', description: 'Enrollments, transfers, invoices and payments send emails.' }}
      >
        {outbox.data && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {outbox.data.total} email{outbox.data.total === 1 ? '' : 's'}
            </Text>
            <MessageList messages={outbox.data.items} />
            {outbox.data.total > outbox.data.items.length && (
              <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)} loading={outbox.isFetching}>
                Show older emails
              </Button>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function OrganizationKinds() {
  const settings = useOrganizationMessageSettings();
  const save = useSetOrganizationMessageSettings();
  if (!settings.data) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <KindChoices
        label="The organization sends"
        mutedKinds={save.isPending && save.variables ? save.variables.mutedKinds : settings.data.mutedKinds}
        disabled={save.isPending}
        onChange={(mutedKinds) => save.mutate({ mutedKinds })}
      />
      <Text size="xs" c="dimmed" mt="xs">
        A kind turned off here is sent to nobody, whatever each guardian chose; emails of it still waiting are held back.
      </Text>
      <ProblemAlert error={save.error} />
    </Paper>
  );
}
