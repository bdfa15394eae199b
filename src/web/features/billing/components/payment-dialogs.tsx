import { NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { InvoiceDto, PaymentMethod } from '../../../api/types';
import { MoneyInput } from '../../../shared/components/money-input';
import { fieldError, fieldErrors } from '../../../shared/forms/field-errors';
import { useFormat } from '../../../shared/format/use-format';
import { paymentMethodLabels, paymentMethodOptions } from '../../../shared/format/value-labels';
import { billingApi } from '../api/billing-api';
import { useBillingChange } from '../hooks/use-billing';
import { refundable } from '../invoice-state';
import { ActionDialog, ReasonInput, reasonMissing } from './action-dialog';

export interface InvoiceDialogProps {
  invoice: InvoiceDto;
  /** What the invoice is, as its list names it ("Beginners Tue — March 2027"). */
  title: string;
  onClose: () => void;
}

/** What is due after a change, for the notice that says it was done. */
function dueAfter(invoice: InvoiceDto, money: (amount: number) => string) {
  return invoice.amountDue > 0 ? `${money(invoice.amountDue)} still due.` : 'Nothing is due on it now.';
}

/** Take a payment on an open invoice: all that is due, or part of it (the rest stays open). */
export function TakePaymentDialog({ invoice, title, onClose }: InvoiceDialogProps) {
  const format = useFormat();
  const pay = useBillingChange((input: { amount: number; method: PaymentMethod; reference: string | null }) => billingApi.pay(invoice.id, input));
  const [amount, setAmount] = useState<number | null>(invoice.amountDue);
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [reference, setReference] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(pay.error);

  function submit() {
    setTried(true);
    if (amount === null || amount <= 0) return;
    pay.mutate(
      { amount, method, reference: reference.trim() || null },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            title: 'Payment recorded',
            message: `${format.money(amount)} by ${paymentMethodLabels[method].toLowerCase()}. ${dueAfter(saved, format.money)}`,
          });
          onClose();
        },
      },
    );
  }

  return (
    <ActionDialog
      title="Take a payment"
      submitLabel="Record payment"
      pending={pay.isPending}
      error={pay.error}
      shownFields={['body.amount', 'body.method', 'body.reference']}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        {title}: <strong>{format.money(invoice.amountDue)}</strong> due. A part payment leaves the rest open.
      </Text>
      <MoneyInput
        label="Amount received"
        required
        value={amount}
        onChange={setAmount}
        error={fieldError(errors, 'body.amount') ?? (tried && (amount === null || amount <= 0) ? 'Enter the amount received' : undefined)}
        data-autofocus
      />
      <NativeSelect
        label="Method"
        value={method}
        onChange={(event) => setMethod(event.currentTarget.value as PaymentMethod)}
        data={paymentMethodOptions}
        error={fieldError(errors, 'body.method')}
      />
      <TextInput
        label="Reference"
        description="Check number, card slip or receipt"
        value={reference}
        onChange={(event) => setReference(event.currentTarget.value)}
        error={fieldError(errors, 'body.reference')}
        maxLength={200}
      />
    </ActionDialog>
  );
}

/** Apply account credit the family holds to an open invoice: by default as much as is both held and due. */
export function ApplyCreditDialog({ invoice, title, onClose, accountCredit }: InvoiceDialogProps & { accountCredit: number }) {
  const format = useFormat();
  const apply = useBillingChange((input: { amount?: number }) => billingApi.applyCredit(invoice.id, input));
  const most = Math.min(accountCredit, invoice.amountDue);
  const [amount, setAmount] = useState<number | null>(most);
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(apply.error);

  function submit() {
    setTried(true);
    if (amount === null || amount <= 0) return;
    apply.mutate(
      { amount },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', title: 'Account credit applied', message: `${format.money(amount)}. ${dueAfter(saved, format.money)}` });
          onClose();
        },
      },
    );
  }

  return (
    <ActionDialog
      title="Apply account credit"
      submitLabel="Apply credit"
      pending={apply.isPending}
      error={apply.error}
      shownFields={['body.amount']}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        {title}: <strong>{format.money(invoice.amountDue)}</strong> due. The family holds <strong>{format.money(accountCredit)}</strong> of
        account credit.
      </Text>
      <MoneyInput
        label="Credit to apply"
        description={`At most ${format.money(most)}`}
        required
        value={amount}
        onChange={setAmount}
        error={fieldError(errors, 'body.amount') ?? (tried && (amount === null || amount <= 0) ? 'Enter the credit to apply' : undefined)}
        data-autofocus
      />
    </ActionDialog>
  );
}

/** Give back all or part of one payment (managers): the invoice is due again for what is refunded. */
export function RefundDialog({ invoice, title, onClose }: InvoiceDialogProps) {
  const format = useFormat();
  const refund = useBillingChange((input: { paymentId: string; amount: number; method: PaymentMethod; reason: string }) =>
    billingApi.refund(invoice.id, input),
  );
  const payments = invoice.payments.filter((payment) => refundable(payment) > 0);
  const [paymentId, setPaymentId] = useState(payments[0]?.id ?? '');
  const chosen = payments.find((payment) => payment.id === paymentId);
  const [amount, setAmount] = useState<number | null>(chosen ? refundable(chosen) : null);
  const [method, setMethod] = useState<PaymentMethod>(chosen?.method ?? 'cash');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(refund.error);

  function choose(id: string) {
    const payment = payments.find((p) => p.id === id);
    setPaymentId(id);
    if (payment) {
      setAmount(refundable(payment));
      setMethod(payment.method);
    }
  }

  function submit() {
    setTried(true);
    if (!chosen || amount === null || amount <= 0 || !reason.trim()) return;
    refund.mutate(
      { paymentId: chosen.id, amount, method, reason: reason.trim() },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', title: 'Refund recorded', message: `${format.money(amount)}. ${dueAfter(saved, format.money)}` });
          onClose();
        },
      },
    );
  }

  return (
    <ActionDialog
      title="Refund a payment"
      submitLabel="Record refund"
      submitColor="red"
      pending={refund.isPending}
      error={refund.error}
      shownFields={['body.paymentId', 'body.amount', 'body.method', 'body.reason']}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">{title}: what is refunded is due on the invoice again.</Text>
      <Radio.Group label="Payment" required value={paymentId} onChange={choose} error={fieldError(errors, 'body.paymentId')}>
        <Stack gap={6} mt={4}>
          {payments.map((payment) => (
            <Radio
              key={payment.id}
              value={payment.id}
              data-autofocus={payment.id === paymentId || undefined}
              label={`${format.money(payment.amount)} by ${paymentMethodLabels[payment.method].toLowerCase()}${payment.reference ? ` (${payment.reference})` : ''}, ${format.instant(payment.receivedAt)}`}
              description={payment.refunded > 0 ? `${format.money(payment.refunded)} already refunded; ${format.money(refundable(payment))} left` : undefined}
            />
          ))}
        </Stack>
      </Radio.Group>
      <MoneyInput
        label="Amount to refund"
        description={chosen ? `At most ${format.money(refundable(chosen))}` : undefined}
        required
        value={amount}
        onChange={setAmount}
        error={fieldError(errors, 'body.amount') ?? (tried && (amount === null || amount <= 0) ? 'Enter the amount to refund' : undefined)}
      />
      <NativeSelect
        label="Refunded by"
        value={method}
        onChange={(event) => setMethod(event.currentTarget.value as PaymentMethod)}
        data={paymentMethodOptions}
        error={fieldError(errors, 'body.method')}
      />
      <ReasonInput
        value={reason}
        onChange={setReason}
        description="e.g. transfer reversed"
        error={fieldError(errors, 'body.reason') ?? (tried && !reason.trim() ? reasonMissing : undefined)}
      />
    </ActionDialog>
  );
}
