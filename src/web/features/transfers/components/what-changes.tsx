import { Table, Text } from '@mantine/core';
import { Temporal } from 'temporal-polyfill';
import type { TransferPreviewDto } from '../../../api/types';
import { paymentPlanLabels } from '../../../shared/format/value-labels';
import { useFormat } from '../../../shared/format/use-format';
import { useOrganization } from '../../auth/hooks/use-session';

/** Old and new side by side, so staff can explain the difference to the family. */
export function WhatChanges({ changes }: { changes: TransferPreviewDto['quote']['changes'] }) {
  const format = useFormat();
  const { locale } = useOrganization();
  const month = Temporal.PlainDate.from(`${changes.sessionsPerMonth.month}-01`).toLocaleString(locale, {
    month: 'long',
    year: 'numeric',
  });
  const rows = [
    { what: 'Price', from: format.money(changes.price.from), to: format.money(changes.price.to) },
    { what: 'Payment plan', from: paymentPlanLabels[changes.paymentPlan.from], to: paymentPlanLabels[changes.paymentPlan.to] },
    { what: `Sessions in ${month}`, from: String(changes.sessionsPerMonth.from), to: String(changes.sessionsPerMonth.to) },
    { what: 'Time', from: changes.time.from, to: changes.time.to },
    { what: 'Instructor', from: changes.instructor.from, to: changes.instructor.to },
  ];
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>What changes</Table.Th>
          <Table.Th>Now</Table.Th>
          <Table.Th>New</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.what}>
            <Table.Td>{row.what}</Table.Td>
            <Table.Td>{row.from}</Table.Td>
            <Table.Td>
              {row.to}
              {row.to !== row.from && (
                <Text span size="xs" c="blue.8" ml={6}>
                  (changed)
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
