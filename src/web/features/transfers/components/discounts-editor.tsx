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
  /** The invoice's subtotal: each discount is taken of what is left of it after the earlier ones. */
  subtotal?: number;
  onChange: (discounts: DiscountInput[]) => void;
}

/** Where the request carries the discount at `index`: "body.discounts.0". */
export const discountPath = (index: number) => `body.discounts.${index}`;

export function DiscountsEditor({ discounts, computed, errors, onChange, subtotal }: DiscountsEditorProps) {
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="xs">
      {discounts.length > 0 && <DiscountsTable discounts={discounts} computed={computed} errors={errors} onChange={onChange} subtotal={subtotal} />}
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

/** The discounts added so far, each with what it takes off as the server computed it, and a way to remove it. */
function DiscountsTable({ discounts, computed, errors, onChange, subtotal }: DiscountsEditorProps) {
  const format = useFormat();
  // What each discount is taken of: the subtotal less the discounts before it, as the server applied them.
  const baseOf = (index: number) =>
    subtotal === undefined || !computed || computed.length < index ? undefined : subtotal - computed.slice(0, index).reduce((sum, d) => sum + d.amount, 0);
  const describe = (discount: DiscountInput, index: number) => {
    if (discount.kind !== 'percent') return `${format.money(discount.amount)} off`;
    const base = baseOf(index);
    return `${format.percent(discount.basisPoints)} off${base === undefined ? '' : ` ${format.money(base)}`}`;
  };
  return (
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
              {describe(discount, index)}
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

export interface DiscountDraft {
  kind: DiscountKind;
  /** Minor units, or null while the text is not an amount. */
  amount: number | null;
  /** As typed: "15" or "12.5". */
  percent: string;
  reason: string;
}

/** The discount a draft describes, or what to correct first, beside the value and the reason. */
export function readDiscount(draft: DiscountDraft): { discount?: DiscountInput; errors: { value?: string; reason?: string } } {
  // The API takes a percent as basis points: "15" is 1500, "12.5" is 1250.
  const basisPoints = toMinorUnits(draft.percent, 2);
  const reason = draft.reason.trim();
  const errors = {
    value:
      draft.kind === 'amount'
        ? draft.amount === null || draft.amount <= 0
          ? 'Enter an amount above zero, e.g. 10.00'
          : undefined
        : basisPoints === null || basisPoints <= 0 || basisPoints > 10_000
          ? 'Enter a percent between 0 and 100, e.g. 15'
          : undefined,
    reason: reason ? undefined : 'Say why, e.g. "sibling discount"',
  };
  if (errors.value || errors.reason) return { errors };
  const discount: DiscountInput =
    draft.kind === 'amount' ? { kind: 'amount', amount: draft.amount!, reason } : { kind: 'percent', basisPoints: basisPoints!, reason };
  return { discount, errors };
}

function AddDiscountForm({ onAdd, onCancel }: { onAdd: (discount: DiscountInput) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<DiscountDraft>({ kind: 'amount', amount: null, percent: '', reason: '' });
  const [errors, setErrors] = useState<{ value?: string; reason?: string }>({});
  const set = (changes: Partial<DiscountDraft>) => setDraft({ ...draft, ...changes });

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readDiscount(draft);
    setErrors(read.errors);
    if (read.discount) onAdd(read.discount);
  }

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-label="Add a discount">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Add a discount
        </Text>
        <DiscountFields draft={draft} set={set} errors={errors} />
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

/** The kind of discount, its amount or percent, and why it is given. */
interface DiscountFieldsProps {
  draft: DiscountDraft;
  set: (changes: Partial<DiscountDraft>) => void;
  errors: { value?: string; reason?: string };
}

export function DiscountFields({ draft, set, errors }: DiscountFieldsProps) {
  return (
    <>
      <SegmentedControl
        aria-label="Kind of discount"
        value={draft.kind}
        onChange={(kind) => set({ kind: kind as DiscountKind })}
        data={discountKindOptions}
        w={220}
      />
      <Group align="flex-start" grow>
        {draft.kind === 'amount' ? (
          <MoneyInput label="Amount off" value={draft.amount} onChange={(amount) => set({ amount })} error={errors.value} required autoFocus />
        ) : (
          <TextInput
            label="Percent off"
            inputMode="decimal"
            rightSection="%"
            value={draft.percent}
            onChange={(event) => set({ percent: event.currentTarget.value })}
            error={errors.value}
            required
          />
        )}
        <TextInput
          label="Reason"
          value={draft.reason}
          onChange={(event) => set({ reason: event.currentTarget.value })}
          error={errors.reason}
          required
        />
      </Group>
    </>
  );
}
