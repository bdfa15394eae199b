import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DiscountInput } from '../../../api/types';
import { MoneyInput } from '../../../shared/components/money-input';
import { fieldError, fieldErrors } from '../../../shared/forms/field-errors';
import { useFormat } from '../../../shared/format/use-format';
import { DiscountFields, readDiscount, type DiscountDraft } from '../../transfers/components/discounts-editor';
import { billingApi } from '../api/billing-api';
import { useBillingChange } from '../hooks/use-billing';
import { ActionDialog, ReasonInput, reasonMissing } from './action-dialog';
import type { InvoiceDialogProps } from './payment-dialogs';

/** An amount or percent off an open invoice nobody has paid on yet, with a reason; the total is recomputed. */
export function AddDiscountDialog({ invoice, title, onClose }: InvoiceDialogProps) {
  const format = useFormat();
  const add = useBillingChange((input: DiscountInput) => billingApi.discount(invoice.id, input));
  const [draft, setDraft] = useState<DiscountDraft>({ kind: 'amount', amount: null, percent: '', reason: '' });
  const [checked, setChecked] = useState<{ value?: string; reason?: string }>({});
  const server = fieldErrors(add.error);
  const errors = {
    value: fieldError(server, 'body.amount') ?? fieldError(server, 'body.basisPoints') ?? checked.value,
    reason: fieldError(server, 'body.reason') ?? checked.reason,
  };

  function submit() {
    const read = readDiscount(draft);
    setChecked(read.errors);
    if (!read.discount) return;
    add.mutate(read.discount, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', title: 'Discount added', message: `The total is now ${format.money(saved.total)}.` });
        onClose();
      },
    });
  }

  return (
    <ActionDialog
      title="Add a discount"
      submitLabel="Add discount"
      pending={add.isPending}
      error={add.error}
      shownFields={['body.kind', 'body.amount', 'body.basisPoints', 'body.reason']}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        {title}: total <strong>{format.money(invoice.total)}</strong>.
      </Text>
      <DiscountFields
        draft={draft}
        set={(changes) => {
          setDraft({ ...draft, ...changes });
          setChecked({});
        }}
        errors={errors}
      />
    </ActionDialog>
  );
}

/** Write off what the family will not pay (managers): all that is due unless an amount is given. */
export function WriteOffDialog({ invoice, title, onClose }: InvoiceDialogProps) {
  const format = useFormat();
  const writeOff = useBillingChange((input: { amount?: number; reason: string }) => billingApi.writeOff(invoice.id, input));
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(writeOff.error);

  function submit() {
    setTried(true);
    if (!reason.trim()) return;
    const written = amount ?? invoice.amountDue;
    writeOff.mutate(
      { ...(amount !== null && { amount }), reason: reason.trim() },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            title: 'Written off',
            message: `${format.money(written)}. ${saved.amountDue > 0 ? `${format.money(saved.amountDue)} still due.` : 'The invoice is closed.'}`,
          });
          onClose();
        },
      },
    );
  }

  return (
    <ActionDialog
      title="Write off"
      submitLabel="Write off"
      submitColor="red"
      pending={writeOff.isPending}
      error={writeOff.error}
      shownFields={['body.amount', 'body.reason']}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        {title}: <strong>{format.money(invoice.amountDue)}</strong> due. What is written off is no longer asked of the family; the invoice
        closes when nothing is left due.
      </Text>
      <MoneyInput
        label="Amount to write off"
        description={`Leave empty to write off all ${format.money(invoice.amountDue)} due`}
        value={amount}
        onChange={setAmount}
        error={fieldError(errors, 'body.amount')}
        data-autofocus
      />
      <ReasonInput
        value={reason}
        onChange={setReason}
        description="e.g. covered by the prepaid month"
        error={fieldError(errors, 'body.reason') ?? (tried && !reason.trim() ? reasonMissing : undefined)}
      />
    </ActionDialog>
  );
}

/** Void an invoice nobody has paid on (managers): it stays in history and asks for nothing. */
export function VoidInvoiceDialog({ invoice, title, onClose }: InvoiceDialogProps) {
  const format = useFormat();
  const voiding = useBillingChange((input: { reason: string }) => billingApi.void(invoice.id, input));
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(voiding.error);

  function submit() {
    setTried(true);
    if (!reason.trim()) return;
    voiding.mutate(
      { reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Invoice voided', message: `${title} asks for nothing now.` });
          onClose();
        },
      },
    );
  }

  return (
    <ActionDialog
      title="Void this invoice"
      submitLabel="Void invoice"
      submitColor="red"
      pending={voiding.isPending}
      error={voiding.error}
      shownFields={['body.reason']}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        {title} ({format.money(invoice.total)}) will ask for nothing; it stays in the family&apos;s history as void.
      </Text>
      <ReasonInput
        value={reason}
        onChange={setReason}
        description="e.g. billed by mistake"
        autoFocus
        error={fieldError(errors, 'body.reason') ?? (tried && !reason.trim() ? reasonMissing : undefined)}
      />
    </ActionDialog>
  );
}
