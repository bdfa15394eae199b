import { Group, Loader, Stack, Text } from '@mantine/core';
import type { TransferPreviewDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';

/** Totals exactly as the server computes them for the chosen discounts. */
export function CheckoutTotals({ invoice, updating }: { invoice: TransferPreviewDto['invoice']; updating: boolean }) {
  const format = useFormat();
  return (
    <Stack gap={2} aria-live="polite" aria-busy={updating}>
      <Row label="Subtotal" value={format.money(invoice.subtotal)} />
      <Row label="Discounts" value={invoice.discountTotal > 0 ? `−${format.money(invoice.discountTotal)}` : format.money(0)} />
      <Group justify="space-between">
        <Text fw={700}>
          Total {updating && <Loader size={12} ml={4} aria-label="Updating the total" />}
        </Text>
        <Text fw={700} data-testid="checkout-total">
          {format.money(invoice.total)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        Due on {format.date(invoice.dueOn)}
      </Text>
    </Stack>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Group justify="space-between">
      <Text size="sm">{label}</Text>
      <Text size="sm">{value}</Text>
    </Group>
  );
}
