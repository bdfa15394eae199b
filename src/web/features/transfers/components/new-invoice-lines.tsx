import { Table } from '@mantine/core';
import type { TransferPreviewDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';

/** The new subscription's first invoice, line by line, as the server computed it from real dates. */
export function NewInvoiceLines({ invoice }: { invoice: TransferPreviewDto['quote']['invoice'] }) {
  const format = useFormat();
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>New invoice line</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoice.lines.map((line) => (
          <Table.Tr key={line.description + line.periodStart}>
            <Table.Td>
              {line.description}
              {line.quantityDenominator > 1 &&
                ` — ${format.money(line.unitAmount)} × ${line.quantityNumerator}/${line.quantityDenominator}`}
            </Table.Td>
            <Table.Td ta="right">{format.money(line.amount)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
