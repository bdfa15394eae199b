import { Accordion, Box, Group, Stack, Text } from '@mantine/core';
import type { InvoiceDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import { invoicePeriod, invoiceTitle } from '../invoice-state';
import { InvoiceActions } from './invoice-actions';
import { InvoiceBreakdown } from './invoice-breakdown';
import { InvoiceStatusBadge } from './invoice-status-badge';

interface FamilyInvoicesProps {
  invoices: InvoiceDto[];
  accountCredit: number;
}

/** Every invoice of a family, newest due first; those with something due start open. */
export function FamilyInvoices({ invoices, accountCredit }: FamilyInvoicesProps) {
  const sorted = [...invoices].sort((a, b) => b.dueOn.localeCompare(a.dueOn) || b.issuedOn.localeCompare(a.issuedOn));
  return (
    <Accordion multiple variant="separated" defaultValue={sorted.filter((i) => i.amountDue > 0).map((i) => i.id)}>
      {sorted.map((invoice) => (
        <Accordion.Item key={invoice.id} value={invoice.id} data-invoice-id={invoice.id}>
          <Accordion.Control>
            <InvoiceSummary invoice={invoice} />
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <InvoiceBreakdown invoice={invoice} />
              <InvoiceActions invoice={invoice} title={invoiceTitle(invoice)} accountCredit={accountCredit} />
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

/** One line of the list: what it bills and for when, its due date, where it stands and what it asks for. */
function InvoiceSummary({ invoice }: { invoice: InvoiceDto }) {
  const format = useFormat();
  const billed = invoicePeriod(invoice);
  const period = billed ? format.period(billed.start, billed.end) : null;
  return (
    <Group justify="space-between" align="flex-start" gap="xs" pr="xs">
      <Box style={{ flex: '1 1 12rem', minWidth: 0 }}>
        <Text size="sm" fw={600} c={invoice.status === 'void' ? 'dimmed' : undefined}>
          {invoiceTitle(invoice)}
        </Text>
        <Text size="xs" c="dimmed">
          {period ? `${period} · ` : ''}due {format.date(invoice.dueOn)}
        </Text>
      </Box>
      <Group gap="sm" wrap="nowrap">
        <InvoiceStatusBadge invoice={invoice} />
        <Text size="sm" fw={600} ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="invoice-amount">
          {invoice.amountDue > 0 ? `${format.money(invoice.amountDue)} due` : format.money(invoice.total)}
        </Text>
      </Group>
    </Group>
  );
}
