import { Button, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { FinishInput, PaymentMethod } from '../../../api/types';
import { MoneyInput } from '../../../shared/components/money-input';
import { fieldError, fieldErrors, type FieldErrors } from '../../../shared/forms/field-errors';
import { useFormat } from '../../../shared/format/use-format';
import { paymentMethodOptions } from '../../../shared/format/value-labels';
import { useCan } from '../../auth/hooks/use-permission';

interface FinishOptionsProps {
  total: number;
  dueOn: string;
  /** False while the totals are being recomputed or were refused: nothing may finish on stale numbers. */
  ready: boolean;
  pending: boolean;
  error: unknown;
  onFinish: (finish: FinishInput) => void;
}

/** The request fields the finish forms show messages beside. */
export const finishFields = ['amount', 'method', 'reference', 'dueOn', 'reason'].map((field) => `body.finish.${field}`);

/** The three ways to finish: take the money now, invoice for later, or close without collecting. */
export function FinishOptions({ total, dueOn, ready, pending, error, onFinish }: FinishOptionsProps) {
  const finishing: FinishingProps = { disabled: !ready || pending, pending, errors: fieldErrors(error), onFinish };
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <PayNowCard total={total} {...finishing} />
      <PayLaterCard dueOn={dueOn} {...finishing} />
      <CloseNowCard total={total} {...finishing} />
    </SimpleGrid>
  );
}

/** What every finish card gets: whether it may finish now, the server's messages, and the finish itself. */
interface FinishingProps {
  disabled: boolean;
  pending: boolean;
  errors: FieldErrors;
  onFinish: (finish: FinishInput) => void;
}

function PayNowCard({ total, disabled, pending, errors, onFinish }: FinishingProps & { total: number }) {
  const [method, setMethod] = useState<PaymentMethod>('cash');
  // null = "the total", so the amount follows the total until staff type another one.
  const [amount, setAmount] = useState<number | null>(null);
  const [amountTouched, setAmountTouched] = useState(false);
  const [reference, setReference] = useState('');
  const payAmount = amountTouched ? amount : total;
  return (
    <FinishCard
      title="Pay now"
      hint="Record the payment; anything not paid stays open on the invoice."
      onSubmit={() => onFinish({ kind: 'pay_now', amount: payAmount ?? 0, method, reference: reference.trim() || null })}
      button={
        <Button type="submit" disabled={disabled || payAmount === null} loading={pending}>
          Enroll and Pay Now
        </Button>
      }
    >
      <NativeSelect
        label="Method"
        value={method}
        onChange={(event) => setMethod(event.currentTarget.value as PaymentMethod)}
        data={paymentMethodOptions}
        error={fieldError(errors, 'body.finish.method')}
      />
      <MoneyInput
        label="Amount received"
        value={payAmount}
        onChange={(value) => {
          setAmountTouched(true);
          setAmount(value);
        }}
        error={fieldError(errors, 'body.finish.amount') ?? (payAmount === null ? 'Enter the amount received' : undefined)}
      />
      <TextInput
        label="Reference"
        description="Check number, card slip or receipt"
        value={reference}
        onChange={(event) => setReference(event.currentTarget.value)}
        error={fieldError(errors, 'body.finish.reference')}
      />
    </FinishCard>
  );
}

function PayLaterCard({ dueOn, disabled, pending, errors, onFinish }: FinishingProps & { dueOn: string }) {
  const [laterDueOn, setLaterDueOn] = useState(dueOn);
  return (
    <FinishCard
      title="Pay later"
      hint="The invoice stays open and shows on the family balance."
      onSubmit={() => onFinish({ kind: 'pay_later', dueOn: laterDueOn || null })}
      button={
        <Button type="submit" variant="light" disabled={disabled} loading={pending}>
          Enroll and Pay Later
        </Button>
      }
    >
      <TextInput
        type="date"
        label="Due on"
        value={laterDueOn}
        onChange={(event) => setLaterDueOn(event.currentTarget.value)}
        error={fieldError(errors, 'body.finish.dueOn')}
      />
    </FinishCard>
  );
}

/** Finish without collecting: what is due is written off, which needs a manager unless nothing is due. */
function CloseNowCard({ total, disabled, pending, errors, onFinish }: FinishingProps & { total: number }) {
  const format = useFormat();
  const can = useCan();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const mayWriteOff = total === 0 || can('billing.adjust');
  return (
    <FinishCard
      title="Close now"
      hint={
        total > 0
          ? `Nothing is collected: ${format.money(total)} is written off with the reason.`
          : 'Nothing is due; the invoice is closed.'
      }
      onSubmit={() => (reason.trim() ? onFinish({ kind: 'close_now', reason: reason.trim() }) : setReasonMissing(true))}
      button={
        <Button type="submit" variant="light" color="gray" disabled={disabled || !mayWriteOff} loading={pending}>
          Enroll and Close Now
        </Button>
      }
    >
      <TextInput
        label="Reason"
        description="e.g. covered by this month's tuition"
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          setReasonMissing(false);
        }}
        error={fieldError(errors, 'body.finish.reason') ?? (reasonMissing ? 'Say why nothing is collected' : undefined)}
      />
      {!mayWriteOff && (
        <Text size="xs" c="dimmed">
          Only a manager or the owner can write off an amount.
        </Text>
      )}
    </FinishCard>
  );
}

interface FinishCardProps {
  title: string;
  hint: string;
  /** The card is a form of its own: Enter or its button finishes this way (the page never reloads). */
  onSubmit: () => void;
  button: ReactNode;
  children: ReactNode;
}

function FinishCard({ title, hint, onSubmit, button, children }: FinishCardProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="xs" h="100%" justify="space-between">
        <Stack gap="xs">
          <Text fw={600}>{title}</Text>
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
          {children}
        </Stack>
        {button}
      </Stack>
    </Paper>
  );
}
