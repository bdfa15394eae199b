import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ClientProfileDto, GuardianDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import { FamilyLink } from './family-link';

/** Who to call and what the family owes. */
export function FamilyCard({ profile }: { profile: ClientProfileDto }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h5">
            <FamilyLink family={profile.family} size="inherit">
              {profile.family.name} family
            </FamilyLink>
          </Title>
          <Stack gap={4} mt="xs">
            {profile.guardians.length === 0 && (
              <Text size="sm" c="dimmed">
                No guardian on file.
              </Text>
            )}
            {profile.guardians.map((guardian) => (
              <GuardianContact key={guardian.id} guardian={guardian} />
            ))}
          </Stack>
        </div>
        <Stack gap={4} align="flex-end">
          <FamilyBalance balance={profile.balance} />
          <FamilyLink family={profile.family} size="xs">
            Invoices and statement
          </FamilyLink>
        </Stack>
      </Group>
    </Paper>
  );
}

/** A guardian's name, with a phone number and an email address to tap when on file. */
export function GuardianContact({ guardian }: { guardian: GuardianDto }) {
  return (
    <Text size="sm">
      <strong>{guardian.name}</strong>
      {guardian.phone && (
        <>
          {' · '}
          <Anchor href={`tel:${guardian.phone}`} size="sm">
            {guardian.phone}
          </Anchor>
        </>
      )}
      {guardian.email && (
        <>
          {' · '}
          <Anchor href={`mailto:${guardian.email}`} size="sm">
            {guardian.email}
          </Anchor>
        </>
      )}
    </Text>
  );
}

function FamilyBalance({ balance }: { balance: number }) {
  const format = useFormat();
  return (
    <div style={{ textAlign: 'right' }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        Family balance
      </Text>
      <Text size="xl" fw={700} c={balance > 0 ? 'red.9' : undefined} data-testid="family-balance">
        {format.money(balance)}
      </Text>
      <Text size="xs" c="dimmed">
        {balance > 0 ? 'due' : 'nothing due'}
      </Text>
    </div>
  );
}
