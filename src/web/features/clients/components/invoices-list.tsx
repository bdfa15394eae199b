import { Accordion, Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { InvoiceDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import { paymentMethodLabels } from '../../../shared/format/value-labels';

const statusBadges: Record<InvoiceDto['status'], { label: string; color: string }> = {
  open: { label: 'Open', color: 'orange' },
  paid: { label: 'Paid', color: 'teal' },
  closed: { label: 'Closed', color: 'gray' },
  void: { label: 'Void', color: 'gray' },
};

interface InvoicesListProps {
  invoices: InvoiceDto[];
  /** This client's subscriptions by id, to name what each invoice is for. */
  sessionNameBySubscription: Map<string, string>;
}

/** The family's invoices, newest first; open ones start expanded. */
export function InvoicesList({ invoices, sessionNameBySubscription }: InvoicesListProps) {
  const format = useFormat();
  const sorted = [...invoices].sort((a, b) => b.dueOn.localeCompare(a.dueOn));
  return (
    <Accordion multiple variant="separated" defaultValue={sorted.filter((i) => i.status === 'open').map((i) => i.id)}>
      {sorted.map((invoice) => {
        const badge = statusBadges[invoice.status];
        const forWhat = invoice.subscriptionId
          ? (sessionNameBySubscription.get(invoice.subscriptionId) ?? 'Another family member')
          : 'Family';
        return (
          <Accordion.Item key={invoice.id} value={invoice.id} data-status={invoice.status}>
            <Accordion.Control>
              <Group justify="space-between" wrap="nowrap" pr="sm">
                <div>
                  <Text size="sm" fw={600} c={invoice.status === 'void' ? 'dimmed' : undefined}>
                    {invoice.lines[0]?.description ?? forWhat}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {forWhat} · due {format.date(invoice.dueOn)}
                  </Text>
                </div>
                <Group gap="sm" wrap="nowrap">
                  <Badge color={badge.color} variant="light">
                    {badge.label}
                  </Badge>
                  <Text size="sm" fw={600} w={110} ta="right">
                    {invoice.amountDue > 0 ? `${format.money(invoice.amountDue)} due` : format.money(invoice.total)}
                  </Text>
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <InvoiceDetails invoice={invoice} />
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}

interface InvoiceRow {
  key: string;
  label: string;
  amount: string;
  /** The total and the amount due stand out. */
  bold?: boolean;
}

/** An invoice from its lines and discounts to its total, then what was paid or written off, to what is due. */
function invoiceRows(invoice: InvoiceDto, format: ReturnType<typeof useFormat>): InvoiceRow[] {
  return [
    ...invoice.lines.map((line, i) => ({ key: `line-${i}`, label: line.description, amount: format.money(line.amount) })),
    ...invoice.discounts.map((d, i) => ({
      key: `discount-${i}`,
      label: `Discount${d.kind === 'percent' && d.basisPoints !== null ? ` ${format.percent(d.basisPoints)}` : ''}: ${d.reason}`,
      amount: `−${format.money(d.amount)}`,
    })),
    { key: 'total', label: 'Total', amount: format.money(invoice.total), bold: true },
    ...invoice.payments.map((payment) => ({
      key: payment.id,
      label:
        `Paid by ${paymentMethodLabels[payment.method].toLowerCase()}` +
        `${payment.reference ? ` (${payment.reference})` : ''} on ${format.instant(payment.receivedAt)}`,
      amount: `−${format.money(payment.amount)}`,
    })),
    ...invoice.writeOffs.map((writeOff, i) => ({
      key: `write-off-${i}`,
      label: `Written off: ${writeOff.reason} (${format.instant(writeOff.writtenOffAt)})`,
      amount: `−${format.money(writeOff.amount)}`,
    })),
    { key: 'amount-due', label: 'Amount due', amount: format.money(invoice.amountDue), bold: true },
  ];
}

function InvoiceDetails({ invoice }: { invoice: InvoiceDto }) {
  const format = useFormat();
  return (
    <Stack gap="xs">
      <Table fz="sm" verticalSpacing={2}>
        <Table.Tbody>
          {invoiceRows(invoice, format).map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td fw={row.bold ? 700 : undefined}>{row.label}</Table.Td>
              <Table.Td ta="right" fw={row.bold ? 700 : undefined}>
                {row.amount}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
