import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { DiscountInput, DiscountKind, TransferPreviewDto } from '../../../api/types';
import { MoneyInput } from '../../../shared/components/money-input';
import { fieldError, fieldErrorsIn, type FieldErrors } from '../../../shared/forms/field-errors';
import { toMinorUnits } from '../../../shared/format/minor-units';
import { useFormat } from '../../../shared/format/use-format';
import { discountKindOptions } from '../../../shared/format/value-labels';

interface DiscountsEditorProps {
  discounts: DiscountInput[];
  /** The server's computed discounts, in the same order, when the preview has them. */
  computed: TransferPreviewDto['invoice']['discounts'] | undefined;
  /** The preview's refusal of a discount, shown in its row (body.discounts.N.amount …). */
  errors: FieldErrors;
  onChange: (discounts: DiscountInput[]) => void;
}

/** Where the request carries the discount at `index`: "body.discounts.0". */
export const discountPath = (index: number) => `body.discounts.${index}`;

export function DiscountsEditor({ discounts, computed, errors, onChange }: DiscountsEditorProps) {
  const format = useFormat();
  const [adding, setAdding] = useState(false);
  const describe = (discount: DiscountInput) =>
    discount.kind === 'percent' ? `${format.percent(discount.basisPoints)} off` : `${format.money(discount.amount)} off`;

  return (
    <Stack gap="xs">
      {discounts.length > 0 && (
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Discount</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {discounts.map((discount, index) => (
              <Table.Tr key={`${index}-${discount.reason}`}>
                <Table.Td>
                  {describe(discount)}
                  <RowError message={discountValueError(errors, index)} />
                </Table.Td>
                <Table.Td>
                  {discount.reason}
                  <RowError message={fieldError(errors, `${discountPath(index)}.reason`)} />
                </Table.Td>
                <Table.Td ta="right">{computed?.[index] ? `−${format.money(computed[index].amount)}` : '…'}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Remove discount: ${discount.reason}`}
                    onClick={() => onChange(discounts.filter((_, i) => i !== index))}
                  >
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding ? (
        <AddDiscountForm
          onAdd={(discount) => {
            onChange([...discounts, discount]);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Group>
          <Button variant="light" size="xs" onClick={() => setAdding(true)}>
            Add A Discount
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** What the server says about a discount's kind or value: its amount, its percent, or the discount as a whole. */
function discountValueError(errors: FieldErrors, index: number): string | undefined {
  const inside = Object.entries(fieldErrorsIn(errors, discountPath(index)));
  return errors[discountPath(index)] ?? inside.find(([field]) => field !== 'reason')?.[1];
}

/** A server message in a discount's row, in the color and size of a field's error. */
function RowError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Text size="xs" c="var(--mantine-color-error)">
      {message}
    </Text>
  );
}

function AddDiscountForm({ onAdd, onCancel }: { onAdd: (discount: DiscountInput) => void; onCancel: () => void }) {
  const [kind, setKind] = useState<DiscountKind>('amount');
  const [amount, setAmount] = useState<number | null>(null);
  const [percent, setPercent] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ value?: string; reason?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    // Percent typed as "15" or "12.5"; the API takes basis points (1500, 1250).
    const basisPoints = toMinorUnits(percent, 2);
    const next = {
      value:
        kind === 'amount'
          ? amount === null || amount <= 0
            ? 'Enter an amount above zero, e.g. 10.00'
            : undefined
          : basisPoints === null || basisPoints <= 0 || basisPoints > 10_000
            ? 'Enter a percent between 0 and 100, e.g. 15'
            : undefined,
      reason: reason.trim() ? undefined : 'Say why, e.g. "sibling discount"',
    };
    setErrors(next);
    if (next.value || next.reason) return;
    onAdd(
      kind === 'amount'
        ? { kind, amount: amount!, reason: reason.trim() }
        : { kind, basisPoints: basisPoints!, reason: reason.trim() },
    );
  }

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-label="Add a discount">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Add a discount
        </Text>
        <SegmentedControl
          aria-label="Kind of discount"
          value={kind}
          onChange={(value) => setKind(value as DiscountKind)}
          data={discountKindOptions}
          w={220}
        />
        <Group align="flex-start" grow>
          {kind === 'amount' ? (
            <MoneyInput label="Amount off" value={amount} onChange={setAmount} error={errors.value} required />
          ) : (
            <TextInput
              label="Percent off"
              inputMode="decimal"
              rightSection="%"
              value={percent}
              onChange={(event) => setPercent(event.currentTarget.value)}
              error={errors.value}
              required
            />
          )}
          <TextInput
            label="Reason"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
            required
          />
        </Group>
        <Group gap="xs">
          <Button type="submit" size="xs">
            Add discount
          </Button>
          <Button variant="default" size="xs" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
