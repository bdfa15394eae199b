import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { ClientDto } from '../../api/types';
import { QueryState } from '../../shared/components/query-state';
import { useFormat } from '../../shared/format/use-format';
import { ClientHistory } from '../clients/components/client-history';
import { useClientProfile } from '../clients/hooks/use-client-profile';
import { EnrollButton } from '../enrollment/components/enroll-button';

/** Each child of the family with the sessions they attend (or will), and the way to enroll them in another. */
export function FamilyChildren({ children }: { children: ClientDto[] }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="children-heading">
      <Title order={3} size="h4" id="children-heading">
        Children and enrollments
      </Title>
      {children.length === 0 ? (
        <Text size="sm" c="dimmed">
          No child in this family yet.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {children.map((child) => (
            <ChildEnrollments key={child.id} child={child} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function ChildEnrollments({ child }: { child: ClientDto }) {
  const format = useFormat();
  const profile = useClientProfile(child.id);
  const name = `${child.firstName} ${child.lastName}`;
  const current = (profile.data?.subscriptions ?? []).filter((s) => s.state === 'active' || s.state === 'upcoming');
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Anchor component={Link} to={`/clients/${child.id}`} fw={600} className="truncate" title={name}>
          {name}
        </Anchor>
        <EnrollButton label="Enroll" aria-label={`Enroll ${name}`} variant="light" start={{ client: { id: child.id, name } }} />
      </Group>
      <QueryState label="the enrollments" isPending={profile.isPending} error={profile.error}>
        {current.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not enrolled in any session.
          </Text>
        ) : (
          <Stack gap={2}>
            {current.map((s) => (
              <Text size="sm" key={s.id}>
                {s.sessionName} from {format.date(s.startsOn)}
                {s.endsOn ? `, until ${format.date(s.endsOn)}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

/** What happened to each child, with who did it and when; a transfer's Undo is on the child's profile. */
export function FamilyHistory({ children }: { children: ClientDto[] }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="history-heading" className="no-print">
      <Title order={3} size="h4" id="history-heading">
        History
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {children.map((child) => (
          <ChildHistory key={child.id} child={child} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ChildHistory({ child }: { child: ClientDto }) {
  const navigate = useNavigate();
  const profile = useClientProfile(child.id);
  return (
    <Paper withBorder p="md">
      <Text fw={600} size="sm" mb="xs">
        {child.firstName} {child.lastName}
      </Text>
      <QueryState label="the history" isPending={profile.isPending} error={profile.error}>
        {profile.data && <ClientHistory profile={profile.data} onUndo={() => navigate(`/clients/${child.id}`)} />}
      </QueryState>
    </Paper>
  );
}
