import { Anchor, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ProfileSubscription, TransferDto } from '../../api/types';
import { ClientHistory } from '../../features/clients/components/client-history';
import { FamilyCard } from '../../features/clients/components/family-card';
import { InvoicesList } from '../../features/clients/components/invoices-list';
import { SubscriptionsTable } from '../../features/clients/components/subscriptions-table';
import { UndoTransferDialog } from '../../features/clients/components/undo-transfer-dialog';
import { UpdateSubscriptionDialog } from '../../features/clients/components/update-subscription-dialog';
import { useClientProfile } from '../../features/clients/hooks/use-client-profile';
import { QueryState } from '../../shared/components/query-state';
import { useFormat } from '../../shared/format/use-format';

/** Everything about one client: family, enrollments, invoices, balance and history. */
export function ClientProfilePage() {
  const { clientId } = useParams<{ clientId: string }>();
  const format = useFormat();
  const profile = useClientProfile(clientId);
  const [updating, setUpdating] = useState<ProfileSubscription | null>(null);
  const [undoing, setUndoing] = useState<TransferDto | null>(null);
  const data = profile.data;
  const clientName = data ? `${data.client.firstName} ${data.client.lastName}` : '';
  const sessionNameBySubscription = new Map(data?.subscriptions.map((s) => [s.id, s.sessionName]));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/clients" size="sm">
        ← Clients
      </Anchor>
      <QueryState label="the client" isPending={profile.isPending} error={profile.error} onRetry={() => void profile.refetch()}>
        {data && (
          <>
            <div>
              <Title order={2}>{clientName}</Title>
              <Text size="sm" c="dimmed">
                {data.client.birthDate ? `Born ${format.date(data.client.birthDate)}` : 'Birth date not on file'}
                {data.client.notes ? ` · ${data.client.notes}` : ''}
              </Text>
            </div>
            <FamilyCard profile={data} />
            <Paper withBorder p="md">
              <Title order={3} size="h5" mb="xs">
                Enrollments
              </Title>
              {data.subscriptions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Not enrolled in any session.
                </Text>
              ) : (
                <SubscriptionsTable subscriptions={data.subscriptions} onUpdate={setUpdating} />
              )}
            </Paper>
            <Grid gap="md">
              <Grid.Col span={7}>
                <Title order={3} size="h5" mb="xs">
                  Family invoices
                </Title>
                {data.invoices.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No invoices yet.
                  </Text>
                ) : (
                  <InvoicesList invoices={data.invoices} sessionNameBySubscription={sessionNameBySubscription} />
                )}
              </Grid.Col>
              <Grid.Col span={5}>
                <Title order={3} size="h5" mb="xs">
                  History
                </Title>
                <ClientHistory profile={data} onUndo={setUndoing} />
              </Grid.Col>
            </Grid>
            {updating && <UpdateSubscriptionDialog subscription={updating} clientName={clientName} onClose={() => setUpdating(null)} />}
            {undoing && (
              <UndoTransferDialog
                transfer={undoing}
                clientName={clientName}
                fromSessionName={sessionNameBySubscription.get(undoing.fromSubscriptionId) ?? 'the previous session'}
                toSessionName={sessionNameBySubscription.get(undoing.toSubscriptionId) ?? 'the new session'}
                onClose={() => setUndoing(null)}
              />
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
