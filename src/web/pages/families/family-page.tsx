import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FamilyBalanceDto, FamilyDto, GuardianDto } from '../../api/types';
import { useCan } from '../../features/auth/hooks/use-permission';
import { AccountCreditDialog } from '../../features/billing/components/account-credit-dialog';
import { FamilyInvoices } from '../../features/billing/components/family-invoices';
import { FamilyStatement } from '../../features/billing/components/family-statement';
import { FamilyMessages } from '../../features/messages/components/family-messages';
import { useFamilyBalance } from '../../features/billing/hooks/use-billing';
import { clientsApi, familiesApi, guardiansApi } from '../../features/catalog/api/catalog-api';
import { useResource, useResourceList } from '../../features/catalog/hooks/use-resource';
import { GuardianContact } from '../../features/clients/components/family-card';
import { PortalInvitation } from '../../features/portal/components/portal-invitation';
import { FamilyChildren, FamilyHistory } from '../../features/families/family-children';
import { QueryState } from '../../shared/components/query-state';
import { useFormat } from '../../shared/format/use-format';

/** A family (the billing account): who to call, who attends, what it owes and holds, its invoices and statement. */
export function FamilyPage() {
  const { familyId } = useParams<{ familyId: string }>();
  const family = useResource(familiesApi, familyId);
  const balance = useFamilyBalance(familyId);
  const error = family.error ?? balance.error;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/clients" size="sm" className="no-print">
        ← Clients
      </Anchor>
      <QueryState
        label="the family"
        isPending={family.isPending || balance.isPending}
        error={error}
        onRetry={() => {
          void family.refetch();
          void balance.refetch();
        }}
      >
        {family.data && balance.data && <Family family={family.data} balance={balance.data} />}
      </QueryState>
    </Stack>
  );
}

function Family({ family, balance }: { family: FamilyDto; balance: FamilyBalanceDto }) {
  const guardians = useResourceList(guardiansApi, { familyId: family.id });
  const clients = useResourceList(clientsApi, { familyId: family.id });
  return (
    <>
      <Title order={2}>{family.name} family</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-print-section="summary">
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            Guardians
          </Title>
          <QueryState label="the guardians" isPending={guardians.isPending} error={guardians.error}>
            <Guardians guardians={guardians.data?.items ?? []} />
          </QueryState>
        </Paper>
        <BalanceCard family={family} balance={balance} />
      </SimpleGrid>
      <div className="no-print">
        <FamilyChildren children={clients.data?.items ?? []} />
      </div>
      <Stack gap="xs" component="section" aria-labelledby="invoices-heading" data-print-section="invoices">
        <Title order={3} size="h4" id="invoices-heading">
          Invoices
        </Title>
        {balance.invoices.length === 0 ? (
          <Text size="sm" c="dimmed">
            No invoices yet.
          </Text>
        ) : (
          <FamilyInvoices invoices={balance.invoices} accountCredit={balance.accountCredit} />
        )}
      </Stack>
      <FamilyStatement familyId={family.id} />
      <FamilyHistory children={clients.data?.items ?? []} />
      <FamilyMessages familyId={family.id} guardians={guardians.data?.items ?? []} />
    </>
  );
}

function Guardians({ guardians }: { guardians: GuardianDto[] }) {
  if (guardians.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No guardian on file.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {guardians.map((guardian) => (
        <Stack key={guardian.id} gap={2}>
          <GuardianContact guardian={guardian} />
          <PortalInvitation guardian={guardian} />
        </Stack>
      ))}
    </Stack>
  );
}

/** What the family owes (its balance) and the account credit it holds; managers add credit here. */
function BalanceCard({ family, balance }: { family: FamilyDto; balance: FamilyBalanceDto }) {
  const format = useFormat();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap={6}>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Balance
          </Text>
          <Text size="xl" fw={700} c={balance.balance > 0 ? 'red.9' : undefined} data-testid="family-balance">
            {format.money(balance.balance)}
          </Text>
          <Text size="xs" c="dimmed">
            {balance.balance > 0 ? 'due' : balance.balance < 0 ? 'in the family’s favour' : 'nothing due'}
          </Text>
        </div>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">Account credit held</Text>
          <Text size="sm" fw={700} data-testid="account-credit">
            {format.money(balance.accountCredit)}
          </Text>
        </Group>
        {can('billing.adjust') && (
          <Button variant="light" size="sm" onClick={() => setAdding(true)} className="no-print" fullWidth>
            Add account credit
          </Button>
        )}
      </Stack>
      {adding && <AccountCreditDialog familyId={family.id} familyName={family.name} onClose={() => setAdding(false)} />}
    </Paper>
  );
}
