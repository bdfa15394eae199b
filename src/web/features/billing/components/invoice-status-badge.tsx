import { Badge, Group } from '@mantine/core';
import { useFormat } from '../../../shared/format/use-format';
import { invoiceStanding, isOverdue, standingBadges, type Amounts } from '../invoice-state';

/** "Open", "Partly paid", "Paid", "Closed" or "Void", and "Overdue" when something is due after its due date. */
export function InvoiceStatusBadge({ invoice }: { invoice: Amounts }) {
  const format = useFormat();
  const badge = standingBadges[invoiceStanding(invoice)];
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={badge.color} variant="light" data-testid="invoice-status">
        {badge.label}
      </Badge>
      {isOverdue(invoice, format.today()) && (
        <Badge color="red" variant="light">
          Overdue
        </Badge>
      )}
    </Group>
  );
}
