import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { MoneyInput } from '../../../shared/components/money-input';
import { fieldError, fieldErrors } from '../../../shared/forms/field-errors';
import { useFormat } from '../../../shared/format/use-format';
import { billingApi } from '../api/billing-api';
import { useBillingChange } from '../hooks/use-billing';
import { ActionDialog, ReasonInput, reasonMissing } from './action-dialog';

interface AccountCreditDialogProps {
  familyId: string;
  familyName: string;
  onClose: () => void;
}

/** Add account credit to a family (managers), to apply to its open or future invoices. */
export function AccountCreditDialog({ familyId, familyName, onClose }: AccountCreditDialogProps) {
  const format = useFormat();
  const add = useBillingChange((input: { amount: number; reason: string }) => billingApi.addAccountCredit(familyId, input));
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(add.error);

  function submit() {
    setTried(true);
    if (amount === null || amount <= 0 || !reason.trim()) return;
    add.mutate(
      { amount, reason: reason.trim() },
      {
        onSuccess: (balance) => {
          notifications.show({
            color: 'teal',
            title: 'Account credit added',
            message: `The ${familyName} family holds ${format.money(balance.accountCredit)} of credit.`,
          });
          onClose();
        },
      },
    );
  }

  return (
    <ActionDialog
      title="Add account credit"
      submitLabel="Add credit"
      pending={add.isPending}
      error={add.error}
      shownFields={['body.amount', 'body.reason']}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">Credit the {familyName} family can use on its invoices; staff or the invoice run apply it.</Text>
      <MoneyInput
        label="Amount"
        required
        value={amount}
        onChange={setAmount}
        error={fieldError(errors, 'body.amount') ?? (tried && (amount === null || amount <= 0) ? 'Enter the amount of credit' : undefined)}
        data-autofocus
      />
      <ReasonInput
        value={reason}
        onChange={setReason}
        description="e.g. credit for unused paid sessions"
        error={fieldError(errors, 'body.reason') ?? (tried && !reason.trim() ? reasonMissing : undefined)}
      />
    </ActionDialog>
  );
}
