import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { GuardianDto } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { QueryState } from '../../../shared/components/query-state';
import { useCan } from '../../auth/hooks/use-permission';
import { useFamilyMessages, useGuardianChoices, useSetGuardianChoices } from '../hooks/use-messages';
import { KindChoices } from './kind-choices';
import { MessageList } from './message-list';

const PAGE = 10;

/** The family page's messages: what each guardian chose to receive, and every email the family was sent or not sent. */
export function FamilyMessages({ familyId, guardians }: { familyId: string; guardians: readonly GuardianDto[] }) {
  const [limit, setLimit] = useState(PAGE);
  const messages = useFamilyMessages(familyId, { limit });
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        Emails
      </Title>
      <Group align="flex-start" gap="xl" wrap="wrap">
        {guardians.map((guardian) => (
          <GuardianChoices key={guardian.id} guardian={guardian} />
        ))}
      </Group>
      <QueryState
        label="the family's emails"
        isPending={messages.isPending}
        error={messages.error}
        onRetry={() => void messages.refetch()}
        empty={{ when: messages.data?.total === 0, title: 'No emails yet', description: 'Enrollments, transfers, invoices and payments send the family an email.' }}
      >
        {messages.data && (
          <Stack gap="xs">
            <MessageList messages={messages.data.items} />
            {messages.data.total > messages.data.items.length && (
              <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)} loading={messages.isFetching}>
                Show older emails ({messages.data.total - messages.data.items.length} more)
              </Button>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function GuardianChoices({ guardian }: { guardian: GuardianDto }) {
  const can = useCan();
  const choices = useGuardianChoices(guardian.id);
  const save = useSetGuardianChoices(guardian.id);
  if (!choices.data) return null;
  return (
    <Stack gap={4} style={{ flex: '1 1 14rem', minWidth: 0 }}>
      <KindChoices
        label={`${guardian.name} receives`}
        mutedKinds={save.variables?.mutedKinds && save.isPending ? save.variables.mutedKinds : choices.data.mutedKinds}
        disabled={!can('clients.write') || save.isPending}
        onChange={(mutedKinds) => save.mutate({ mutedKinds })}
      />
      {!guardian.email && (
        <Text size="xs" c="dimmed">
          No email address: nothing can be sent.
        </Text>
      )}
      <ProblemAlert error={save.error} />
    </Stack>
  );
}
