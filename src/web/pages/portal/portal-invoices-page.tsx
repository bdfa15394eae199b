import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { PortalInvoiceDto, PortalInvoicesDto } from '../../../contracts/portal';
import { InvoiceStatusBadge } from '../../features/billing/components/invoice-status-badge';
import { invoicePeriod, invoiceTitle } from '../../features/billing/invoice-state';
import { usePortalInvoices, usePortalStatement } from '../../features/portal/api/portal-api';
import { QueryState } from '../../shared/components/query-state';
import tableClasses from '../../shared/components/stacked-table.module.css';
import { addDays, addMonths } from '../../shared/format/dates';
import { useFormat } from '../../shared/format/use-format';

/** The family's balance, each invoice with what is still due, and the statement of the last year. */
export function PortalInvoicesPage() {
  const invoices = usePortalInvoices();
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        Invoices
      </Title>
      <QueryState label="your invoices" isPending={invoices.isPending} error={invoices.error} onRetry={() => void invoices.refetch()}>
        {invoices.data && (
          <>
            <Balance invoices={invoices.data} />
            {invoices.data.invoices.length === 0 ? (
              <Text c="dimmed">No invoices yet.</Text>
            ) : (
              <Stack gap="sm" component="section" aria-label="Invoices">
                {invoices.data.invoices.map((invoice) => (
                  <InvoiceCard key={invoice.id} invoice={invoice} />
                ))}
              </Stack>
            )}
          </>
        )}
      </QueryState>
      <Statement />
    </Stack>
  );
}

function Balance({ invoices }: { invoices: PortalInvoicesDto }) {
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Balance
        </Text>
        <Text size="xl" fw={700} data-testid="portal-balance">
          {format.money(invoices.balance)}
        </Text>
        <Text size="sm" c="dimmed">
          {invoices.balance > 0 ? 'Still to pay across your invoices' : 'Nothing to pay now'}
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Account credit
        </Text>
        <Text size="xl" fw={700}>
          {format.money(invoices.accountCredit)}
        </Text>
        <Text size="sm" c="dimmed">
          Held for you, used on a next invoice
        </Text>
      </Paper>
    </SimpleGrid>
  );
}

function InvoiceCard({ invoice }: { invoice: PortalInvoiceDto }) {
  const format = useFormat();
  const period = invoicePeriod(invoice);
  const headingId = `invoice-${invoice.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="portal-invoice">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h5" id={headingId}>
              {invoiceTitle(invoice)}
            </Title>
            <Text size="sm" c="dimmed">
              {[invoice.clientName, period ? format.period(period.start, period.end) : null].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <InvoiceStatusBadge invoice={invoice} />
        </Group>
        <Text size="sm">
          Total {format.money(invoice.total)}
          {invoice.paid + invoice.credited > 0 && ` · paid ${format.money(invoice.paid + invoice.credited)}`}
        </Text>
        <Text size="sm" fw={600}>
          {invoice.amountDue > 0 ? `${format.money(invoice.amountDue)} due by ${format.date(invoice.dueOn)}` : 'Nothing due'}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The last twelve months of the family's account, with the balance after each entry. */
function Statement() {
  const format = useFormat();
  const today = format.today();
  const from = addMonths(today, -12);
  const statement = usePortalStatement(from, addDays(today, 1));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="statement-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="statement-heading">
          Statement
        </Title>
        <Text size="sm" c="dimmed">
          {format.date(from)} to {format.date(today)}
        </Text>
        <QueryState label="your statement" isPending={statement.isPending} error={statement.error} onRetry={() => void statement.refetch()}>
          {statement.data && (
            <Table className={tableClasses.table} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th ta="right">Balance</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td data-label="Date">{format.shortDate(statement.data.from)}</Table.Td>
                  <Table.Td data-label="What">Balance brought forward</Table.Td>
                  <Table.Td data-label="Amount" ta="right" />
                  <Table.Td data-label="Balance" ta="right">
                    {format.money(statement.data.openingBalance)}
                  </Table.Td>
                </Table.Tr>
                {statement.data.entries.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td data-label="Date">{format.shortDate(entry.occurredOn)}</Table.Td>
                    <Table.Td data-label="What">{entry.description}</Table.Td>
                    <Table.Td data-label="Amount" ta="right">
                      {format.signedMoney(entry.amount)}
                    </Table.Td>
                    <Table.Td data-label="Balance" ta="right">
                      {format.money(entry.balance)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
