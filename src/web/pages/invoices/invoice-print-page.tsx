import { Anchor, Box, Button, Container, Divider, Flex, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import type { FamilyDto, GuardianDto, InvoiceDto } from '../../api/types';
import { useOrganization } from '../../features/auth/hooks/use-session';
import { InvoiceBreakdown } from '../../features/billing/components/invoice-breakdown';
import { InvoiceStatusBadge } from '../../features/billing/components/invoice-status-badge';
import { useInvoice } from '../../features/billing/hooks/use-billing';
import { invoicePeriod } from '../../features/billing/invoice-state';
import { familiesApi, guardiansApi } from '../../features/catalog/api/catalog-api';
import { useResource, useResourceList } from '../../features/catalog/hooks/use-resource';
import { QueryState } from '../../shared/components/query-state';
import { useFormat } from '../../shared/format/use-format';

/** An invoice as the family gets it on paper: the organization, who is billed, every line and amount, what is due and when. */
export function InvoicePrintPage() {
  const { invoiceId } = useParams<{ invoiceId: string }>();
  const invoice = useInvoice(invoiceId);
  const family = useResource(familiesApi, invoice.data?.familyId);
  const guardians = useResourceList(guardiansApi, { familyId: invoice.data?.familyId }, { enabled: Boolean(invoice.data) });
  return (
    <Container size={760} py="md" px="md" component="main" id="main">
      <QueryState
        label="the invoice"
        isPending={invoice.isPending || (Boolean(invoice.data) && family.isPending)}
        error={invoice.error ?? family.error}
        onRetry={() => void invoice.refetch()}
      >
        {invoice.data && family.data && (
          <PrintableInvoice invoice={invoice.data} family={family.data} guardians={guardians.data?.items ?? []} />
        )}
      </QueryState>
    </Container>
  );
}

function PrintableInvoice({ invoice, family, guardians }: { invoice: InvoiceDto; family: FamilyDto; guardians: GuardianDto[] }) {
  const organization = useOrganization();
  const format = useFormat();
  const period = invoicePeriod(invoice);
  return (
    <Stack gap="md">
      <Flex className="no-print" justify="space-between" align={{ base: 'stretch', xs: 'center' }} direction={{ base: 'column', xs: 'row' }} gap="sm">
        <Anchor component={Link} to={`/families/${family.id}`} size="sm">
          ← {family.name} family
        </Anchor>
        <Button onClick={() => window.print()} w={{ base: '100%', xs: 'auto' }}>
          Print
        </Button>
      </Flex>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={1} size="h3">
            {organization.name}
          </Title>
          <Text size="sm" c="dimmed">
            Amounts in {organization.currency}
          </Text>
        </div>
        <Group gap="xs" align="center">
          <Title order={2} size="h3">
            Invoice
          </Title>
          <InvoiceStatusBadge invoice={invoice} />
        </Group>
      </Group>
      <Divider />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Box>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Bill to
          </Text>
          <Text fw={600}>{family.name} family</Text>
          {guardians.map((guardian) => (
            <Text key={guardian.id} size="sm">
              {/* Each part whole on its line: a phone number never breaks in two. */}
              {[guardian.name, guardian.email, guardian.phone]
                .filter((part): part is string => Boolean(part))
                .map((part, i) => (
                  <Fragment key={part}>
                    {i > 0 && ' · '}
                    <span style={{ whiteSpace: 'nowrap' }}>{part}</span>
                  </Fragment>
                ))}
            </Text>
          ))}
        </Box>
        <Box>
          <Facts
            facts={[
              ['Reference', invoice.id.slice(0, 8).toUpperCase()],
              ['Issued', format.date(invoice.issuedOn)],
              ['Due', format.date(invoice.dueOn)],
              ...(period ? [['Period', format.period(period.start, period.end)] as [string, string]] : []),
            ]}
          />
        </Box>
      </SimpleGrid>
      <InvoiceBreakdown invoice={invoice} />
      <Text size="sm" fw={600} data-testid="print-amount-due">
        {invoice.amountDue > 0
          ? `Please pay ${format.money(invoice.amountDue)} by ${format.date(invoice.dueOn)}.`
          : invoice.status === 'void'
            ? 'This invoice is void: nothing is due.'
            : 'Nothing is due on this invoice. Thank you.'}
      </Text>
    </Stack>
  );
}

/** Label and value pairs, one per line. */
function Facts({ facts }: { facts: [string, string][] }) {
  return (
    <Stack gap={2}>
      {facts.map(([label, value]) => (
        <Group key={label} gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text size="sm" ta="right">
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
