import { Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { EnrollButton } from '../../features/enrollment/components/enroll-button';
import { useDeferredValue, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ClientProfileDto, ProfileSubscription, TransferDto } from '../../api/types';
import { ClientHistory } from '../../features/clients/components/client-history';
import { FamilyCard } from '../../features/clients/components/family-card';
import { InvoicesList } from '../../features/clients/components/invoices-list';
import { SubscriptionsTable } from '../../features/clients/components/subscriptions-table';
import { UndoTransferDialog } from '../../features/clients/components/undo-transfer-dialog';
import { UpdateSubscriptionDialog } from '../../features/clients/components/update-subscription-dialog';
import { useFamilyBalance } from '../../features/billing/hooks/use-billing';
import { useClientProfile } from '../../features/clients/hooks/use-client-profile';
import { sessionNamesBySubscription } from '../../features/clients/session-names';
import { QueryState } from '../../shared/components/query-state';
import { useFormat } from '../../shared/format/use-format';

/** Everything about one client: family, enrollments, invoices, balance and history. */
export function ClientProfilePage() {
  const { clientId } = useParams<{ clientId: string }>();
  const profile = useClientProfile(clientId);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/clients" size="sm">
        ← Clients
      </Anchor>
      <QueryState label="the client" isPending={profile.isPending} error={profile.error} onRetry={() => void profile.refetch()}>
        {profile.data && <ClientProfile profile={profile.data} />}
      </QueryState>
    </Stack>
  );
}

function ClientProfile({ profile }: { profile: ClientProfileDto }) {
  const [updating, setUpdating] = useState<ProfileSubscription | null>(null);
  const [undoing, setUndoing] = useState<TransferDto | null>(null);
  const clientName = `${profile.client.firstName} ${profile.client.lastName}`;
  const sessionNames = sessionNamesBySubscription(profile);
  // The invoices and the history (long for an old client) are drawn after the rest, in the
  // background and in slices, so a phone shows who this is at once and answers a tap meanwhile.
  const later = useDeferredValue<ClientProfileDto | null>(profile, null);
  return (
    <>
      <ClientHeading profile={profile} clientName={clientName} />
      <FamilyCard profile={profile} />
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            Enrollments
          </Title>
          <EnrollButton label="Enroll in a session" start={{ client: { id: profile.client.id, name: clientName } }} />
        </Group>
        {profile.subscriptions.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not enrolled in any session.
          </Text>
        ) : (
          <SubscriptionsTable subscriptions={profile.subscriptions} onUpdate={setUpdating} />
        )}
      </Paper>
      {later && <InvoicesAndHistory profile={later} sessionNames={sessionNamesBySubscription(later)} onUndo={setUndoing} />}
      {updating && <UpdateSubscriptionDialog subscription={updating} clientName={clientName} onClose={() => setUpdating(null)} />}
      {undoing && (
        <UndoTransferDialog
          transfer={undoing}
          clientName={clientName}
          fromSessionName={sessionNames.get(undoing.fromSubscriptionId) ?? 'the previous session'}
          toSessionName={sessionNames.get(undoing.toSubscriptionId) ?? 'the new session'}
          onClose={() => setUndoing(null)}
        />
      )}
    </>
  );
}

function ClientHeading({ profile, clientName }: { profile: ClientProfileDto; clientName: string }) {
  const format = useFormat();
  return (
    <div>
      <Title order={2}>{clientName}</Title>
      <Text size="sm" c="dimmed">
        {profile.client.birthDate ? `Born ${format.date(profile.client.birthDate)}` : 'Birth date not on file'}
        {profile.client.notes ? ` · ${profile.client.notes}` : ''}
      </Text>
    </div>
  );
}

interface InvoicesAndHistoryProps {
  profile: ClientProfileDto;
  sessionNames: Map<string, string>;
  onUndo: (transfer: TransferDto) => void;
}

function InvoicesAndHistory({ profile, sessionNames, onUndo }: InvoicesAndHistoryProps) {
  // The account credit the family holds, to offer on its open invoices.
  const balance = useFamilyBalance(profile.family.id);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Title order={3} size="h5" mb="xs">
          Family invoices
        </Title>
        {profile.invoices.length === 0 ? (
          <Text size="sm" c="dimmed">
            No invoices yet.
          </Text>
        ) : (
          <InvoicesList
            invoices={profile.invoices}
            sessionNameBySubscription={sessionNames}
            accountCredit={balance.data?.accountCredit ?? 0}
          />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Title order={3} size="h5" mb="xs">
          History
        </Title>
        <ClientHistory profile={profile} onUndo={onUndo} />
      </Grid.Col>
    </Grid>
  );
}
