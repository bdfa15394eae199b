import { Button, Flex, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { LedgerEntryDto, StatementDto } from '../../../api/types';
import { QueryState } from '../../../shared/components/query-state';
import tableClasses from '../../../shared/components/stacked-table.module.css';
import { addDays, addMonths } from '../../../shared/format/dates';
import { useFormat } from '../../../shared/format/use-format';
import { useOrganization } from '../../auth/hooks/use-session';
import { billingApi } from '../api/billing-api';
import { useStatement } from '../hooks/use-billing';

/** Prints the statement alone: the print stylesheet (app.css) hides every other part of the page while this is set. */
function printStatement() {
  const root = document.documentElement;
  root.dataset.print = 'statement';
  window.addEventListener('afterprint', () => delete root.dataset.print, { once: true });
  window.print();
}

/**
 * The family's ledger over a range of dates (default: the last 3 months to today): opening
 * balance, every entry with its running balance and who made it, closing balance; as CSV or printed.
 */
export function FamilyStatement({ familyId }: { familyId: string }) {
  const format = useFormat();
  const today = format.today();
  const [from, setFrom] = useState(() => addMonths(today, -3));
  const [through, setThrough] = useState(today);
  const rangeError = from && through && through < from ? 'Must be on or after the first date' : undefined;
  // The API's `to` is exclusive; people pick the last day they want to see.
  const range = from && through && !rangeError ? { from, to: addDays(through, 1) } : null;
  const statement = useStatement(familyId, range);

  return (
    <Paper withBorder p="md" data-print-section="statement" component="section" aria-labelledby="statement-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="statement-heading">
          Statement
        </Title>
        <Flex className="no-print" gap="sm" direction={{ base: 'column', sm: 'row' }} align={{ base: 'stretch', sm: 'flex-end' }} wrap="wrap">
          <TextInput type="date" label="From" value={from} max={through} onChange={(e) => setFrom(e.currentTarget.value)} required />
          <TextInput
            type="date"
            label="To"
            value={through}
            min={from}
            onChange={(e) => setThrough(e.currentTarget.value)}
            error={rangeError}
            required
          />
          <Button
            component="a"
            variant="default"
            href={range ? billingApi.statementCsvUrl(familyId, range) : undefined}
            download
            disabled={!range}
            w={{ base: '100%', sm: 'auto' }}
          >
            Download CSV
          </Button>
          <Button variant="default" onClick={printStatement} disabled={!statement.data} w={{ base: '100%', sm: 'auto' }}>
            Print
          </Button>
        </Flex>
        <QueryState label="the statement" isPending={statement.isPending && range !== null} error={statement.error} onRetry={() => void statement.refetch()}>
          {statement.data && <StatementTable statement={statement.data} />}
        </QueryState>
      </Stack>
    </Paper>
  );
}

function StatementTable({ statement }: { statement: StatementDto }) {
  const format = useFormat();
  const organization = useOrganization();
  const lastDay = addDays(statement.to, -1);
  return (
    <Stack gap="xs">
      <Text size="sm" className="print-only">
        {organization.name} · {statement.familyName} family · {format.date(statement.from)} to {format.date(lastDay)}
      </Text>
      <BalanceLine label={`Opening balance, ${format.date(statement.from)}`} amount={statement.openingBalance} testId="opening-balance" />
      {statement.entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing happened on this account in these dates.
        </Text>
      ) : (
        <Table className={tableClasses.table} fz="sm" verticalSpacing={4} data-testid="statement-entries">
          <Table.Caption className="visually-hidden">
            Statement of the {statement.familyName} family from {format.date(statement.from)} to {format.date(lastDay)}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th ta="right">Balance</Table.Th>
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statement.entries.map((entry) => (
              <StatementRow key={entry.id} entry={entry} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <BalanceLine label={`Closing balance, ${format.date(lastDay)}`} amount={statement.closingBalance} testId="closing-balance" />
    </Stack>
  );
}

function StatementRow({ entry }: { entry: LedgerEntryDto }) {
  const format = useFormat();
  return (
    <Table.Tr>
      <Table.Td data-label="Date" style={{ whiteSpace: 'nowrap' }}>
        {format.date(entry.occurredOn)}
      </Table.Td>
      <Table.Td data-label="Description">{entry.description}</Table.Td>
      <Table.Td data-label="Amount" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {format.signedMoney(entry.amount)}
      </Table.Td>
      <Table.Td data-label="Balance" ta="right" style={{ whiteSpace: 'nowrap' }} fw={600}>
        {format.money(entry.balance)}
      </Table.Td>
      <Table.Td data-label="By">{entry.actorName ?? '—'}</Table.Td>
    </Table.Tr>
  );
}

function BalanceLine({ label, amount, testId }: { label: string; amount: number; testId: string }) {
  const format = useFormat();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={700} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {format.money(amount)}
      </Text>
    </Group>
  );
}
