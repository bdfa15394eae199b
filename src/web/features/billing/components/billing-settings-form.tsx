import { Button, Flex, NumberInput, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { BillingSettingsDto } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { fieldError, fieldErrors } from '../../../shared/forms/field-errors';
import { useCan } from '../../auth/hooks/use-permission';
import { useUpdateBillingSettings } from '../hooks/use-billing';

const fields = {
  issueDays: 'body.invoiceIssueDaysBefore',
  dueDay: 'body.invoiceDueDay',
  autoCredit: 'body.applyAccountCreditAutomatically',
  autoApprove: 'body.autoApproveTransferRequests',
} as const;

const autoApproveLabel = 'Approve transfer requests automatically';
const autoApproveWhen = "When a family asks from the portal for the same service at the same price, a seat is free and nothing is back-dated: the transfer is made at once with Pay Later";

/** "the 1st", "the 22nd": a day of the month as people say it. */
function dayOfMonth(day: number): string {
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `the ${day}${suffix}`;
}

/** When the invoice run issues invoices, when they are due, whether it applies account credit, and whether transfer requests are approved automatically; managers change it, others read it. */
export function BillingSettings({ settings }: { settings: BillingSettingsDto }) {
  const can = useCan();
  return can('billing.adjust') ? <BillingSettingsForm settings={settings} /> : <BillingSettingsReadOnly settings={settings} />;
}

function BillingSettingsReadOnly({ settings }: { settings: BillingSettingsDto }) {
  const rows: [string, string][] = [
    ['Invoices are issued', `${settings.invoiceIssueDaysBefore} days before the period starts`],
    ['Invoices are due on', `${dayOfMonth(settings.invoiceDueDay)} of the month`],
    ['Account credit is applied automatically', settings.applyAccountCreditAutomatically ? 'Yes' : 'No'],
    [autoApproveLabel, settings.autoApproveTransferRequests ? 'Yes (same service, same price, a free seat, not back-dated)' : 'No'],
  ];
  return (
    <Paper withBorder p="md" maw={640}>
      <Stack gap="xs">
        <Table fz="sm" verticalSpacing={6} data-testid="billing-settings">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          Only a manager or the owner can change the billing settings.
        </Text>
      </Stack>
    </Paper>
  );
}

function BillingSettingsForm({ settings }: { settings: BillingSettingsDto }) {
  const save = useUpdateBillingSettings();
  const [issueDays, setIssueDays] = useState<number | string>(settings.invoiceIssueDaysBefore);
  const [dueDay, setDueDay] = useState<number | string>(settings.invoiceDueDay);
  const [autoCredit, setAutoCredit] = useState(settings.applyAccountCreditAutomatically);
  const [autoApprove, setAutoApprove] = useState(settings.autoApproveTransferRequests);
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(save.error);
  const missing = (value: number | string) => tried && typeof value !== 'number';

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (typeof issueDays !== 'number' || typeof dueDay !== 'number') return;
    save.mutate(
      { invoiceIssueDaysBefore: issueDays, invoiceDueDay: dueDay, applyAccountCreditAutomatically: autoCredit, autoApproveTransferRequests: autoApprove },
      { onSuccess: () => notifications.show({ color: 'teal', title: 'Billing settings saved', message: 'The next invoice run uses them.' }) },
    );
  }

  return (
    <Paper withBorder p="md" maw={640} component="form" onSubmit={submit} noValidate aria-label="Billing settings">
      <Stack gap="md">
        <NumberInput
          label="Issue invoices this many days before the period"
          description="0 to 60; e.g. 7 issues March's invoices on February 22"
          min={0}
          max={60}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={issueDays}
          onChange={setIssueDays}
          error={fieldError(errors, fields.issueDays) ?? (missing(issueDays) ? 'Enter a number of days, 0 to 60' : undefined)}
          required
        />
        <NumberInput
          label="Invoices are due on this day of the month"
          description="1 to 28, so every month has it"
          min={1}
          max={28}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={dueDay}
          onChange={setDueDay}
          error={fieldError(errors, fields.dueDay) ?? (missing(dueDay) ? 'Enter a day from 1 to 28' : undefined)}
          required
        />
        <Switch
          label="Apply account credit automatically"
          description="The invoice run uses a family's account credit on the invoices it issues"
          checked={autoCredit}
          onChange={(event) => setAutoCredit(event.currentTarget.checked)}
          error={fieldError(errors, fields.autoCredit)}
        />
        <Switch
          label={autoApproveLabel}
          description={autoApproveWhen}
          checked={autoApprove}
          onChange={(event) => setAutoApprove(event.currentTarget.checked)}
          error={fieldError(errors, fields.autoApprove)}
        />
        <ProblemAlert
          error={save.error}
          title="The billing settings were not saved"
          shownFields={Object.values(fields)}
          fieldsHint="Correct the fields marked in red and save again."
        />
        <Flex justify="flex-end">
          <Button type="submit" loading={save.isPending} w={{ base: '100%', xs: 'auto' }}>
            Save billing settings
          </Button>
        </Flex>
      </Stack>
    </Paper>
  );
}
