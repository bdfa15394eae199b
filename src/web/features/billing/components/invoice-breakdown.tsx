import { Table, Text } from '@mantine/core';
import type { InvoiceDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import { paymentMethodLabels } from '../../../shared/format/value-labels';

type Format = ReturnType<typeof useFormat>;

interface BreakdownRow {
  key: string;
  label: string;
  /** Smaller, under the label: a line's period and count, a payment's refunds. */
  detail?: string;
  amount: string;
  /** Subtotal, total and amount due stand out. */
  bold?: boolean;
}

/** "2/4 × $100.00" for a prorated line, "5 × $45.00" for visits, nothing for a whole unit (4/4 is the price). */
function quantityText(line: InvoiceDto['lines'][number], format: Format): string | undefined {
  const { quantityNumerator: n, quantityDenominator: d, unitAmount } = line;
  if (n === d) return undefined;
  return `${d === 1 ? n : `${n}/${d}`} × ${format.money(unitAmount)}`;
}

function lineRows(invoice: InvoiceDto, format: Format): BreakdownRow[] {
  return invoice.lines.map((line, i) => {
    const period = line.periodStart && line.periodEnd ? format.period(line.periodStart, line.periodEnd) : undefined;
    // "Beginners Tue — March 2027 (5 of 5 sessions)" already says its month; a part month gets its dates.
    const newPeriod = period && !line.description.includes(period) ? period : undefined;
    const detail = [newPeriod, quantityText(line, format)].filter(Boolean).join(' · ');
    return { key: `line-${i}`, label: line.description, detail: detail || undefined, amount: format.money(line.amount) };
  });
}

function discountRows(invoice: InvoiceDto, format: Format): BreakdownRow[] {
  if (invoice.discounts.length === 0) return [];
  return [
    { key: 'subtotal', label: 'Subtotal', amount: format.money(invoice.subtotal), bold: true },
    ...invoice.discounts.map((d, i) => ({
      key: `discount-${i}`,
      label: `Discount${d.kind === 'percent' && d.basisPoints !== null ? ` ${format.percent(d.basisPoints)}` : ''}: ${d.reason}`,
      amount: `−${format.money(d.amount)}`,
    })),
  ];
}

/** Money received and given back: payments (with what was refunded of each), refunds, account credit, write-offs. */
function settlementRows(invoice: InvoiceDto, format: Format): BreakdownRow[] {
  const paymentOn = new Map(invoice.payments.map((p) => [p.id, p]));
  return [
    ...invoice.payments.map((payment) => ({
      key: payment.id,
      label: `Payment by ${paymentMethodLabels[payment.method].toLowerCase()}${payment.reference ? ` (${payment.reference})` : ''}`,
      detail: `${format.instant(payment.receivedAt)}${payment.refunded > 0 ? ` · ${format.money(payment.refunded)} of it refunded` : ''}`,
      amount: `−${format.money(payment.amount)}`,
    })),
    ...invoice.refunds.map((refund) => {
      const payment = paymentOn.get(refund.paymentId);
      return {
        key: refund.id,
        label: `Refund by ${paymentMethodLabels[refund.method].toLowerCase()}: ${refund.reason}`,
        detail: `${format.instant(refund.refundedAt)}${payment ? ` · of the ${format.money(payment.amount)} payment` : ''}`,
        amount: `+${format.money(refund.amount)}`,
      };
    }),
    ...invoice.creditsApplied.map((credit, i) => ({
      key: `credit-${i}`,
      label: 'Account credit applied',
      detail: format.instant(credit.appliedAt),
      amount: `−${format.money(credit.amount)}`,
    })),
    ...invoice.writeOffs.map((writeOff, i) => ({
      key: `write-off-${i}`,
      label: `Written off: ${writeOff.reason}`,
      detail: format.instant(writeOff.writtenOffAt),
      amount: `−${format.money(writeOff.amount)}`,
    })),
  ];
}

/** Every row of an invoice, from its lines to its total, then what was received, given back or written off, to what is due. */
export function breakdownRows(invoice: InvoiceDto, format: Format): BreakdownRow[] {
  return [
    ...lineRows(invoice, format),
    ...discountRows(invoice, format),
    { key: 'total', label: 'Total', amount: format.money(invoice.total), bold: true },
    ...settlementRows(invoice, format),
    { key: 'amount-due', label: 'Amount due', amount: format.money(invoice.amountDue), bold: true },
  ];
}

/** An invoice line by line, two columns (what, amount) so it reads the same on a phone and on paper. */
export function InvoiceBreakdown({ invoice, caption }: { invoice: InvoiceDto; caption?: string }) {
  const format = useFormat();
  return (
    <Table fz="sm" verticalSpacing={4} data-testid="invoice-breakdown">
      {caption && <Table.Caption>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Description</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {breakdownRows(invoice, format).map((row) => (
          <Table.Tr key={row.key} data-row={row.key}>
            <Table.Td fw={row.bold ? 700 : undefined}>
              {row.label}
              {row.detail && (
                <Text size="xs" c="dimmed">
                  {row.detail}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right" fw={row.bold ? 700 : undefined} style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              {row.amount}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
