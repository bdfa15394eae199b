import { Accordion, Group, Stack, Text } from '@mantine/core';
import type { InvoiceDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import { InvoiceActions } from '../../billing/components/invoice-actions';
import { InvoiceBreakdown } from '../../billing/components/invoice-breakdown';
import { InvoiceStatusBadge } from '../../billing/components/invoice-status-badge';

interface InvoicesListProps {
  invoices: InvoiceDto[];
  /** This client's subscriptions by id, to name what each invoice is for. */
  sessionNameBySubscription: Map<string, string>;
  /** Account credit the family holds (offered on open invoices). */
  accountCredit: number;
}

/** The family's invoices, newest first; open ones start expanded. */
export function InvoicesList({ invoices, sessionNameBySubscription, accountCredit }: InvoicesListProps) {
  const format = useFormat();
  const sorted = [...invoices].sort((a, b) => b.dueOn.localeCompare(a.dueOn));
  return (
    <Accordion multiple variant="separated" defaultValue={sorted.filter((i) => i.status === 'open').map((i) => i.id)}>
      {sorted.map((invoice) => {
        const forWhat = invoice.subscriptionId
          ? (sessionNameBySubscription.get(invoice.subscriptionId) ?? 'Another family member')
          : 'Family';
        return (
          <Accordion.Item key={invoice.id} value={invoice.id} data-status={invoice.status}>
            <Accordion.Control>
              <Group justify="space-between" align="flex-start" gap="xs" pr="sm">
                <div style={{ flex: '1 1 12rem', minWidth: 0 }}>
                  <Text size="sm" fw={600} c={invoice.status === 'void' ? 'dimmed' : undefined}>
                    {invoice.lines[0]?.description ?? forWhat}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {forWhat} · due {format.date(invoice.dueOn)}
                  </Text>
                </div>
                <Group gap="sm" wrap="nowrap">
                  <InvoiceStatusBadge invoice={invoice} />
                  <Text size="sm" fw={600} miw={110} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {invoice.amountDue > 0 ? `${format.money(invoice.amountDue)} due` : format.money(invoice.total)}
                  </Text>
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <InvoiceBreakdown invoice={invoice} />
                <InvoiceActions invoice={invoice} title={invoice.lines[0]?.description ?? forWhat} accountCredit={accountCredit} />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
