import { Button, Divider, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DiscountInput, FinishInput } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { fieldErrors } from '../../../shared/forms/field-errors';
import type { TransferPreview } from '../hooks/use-transfer-preview';
import { CheckoutTotals } from './checkout-totals';
import { discountPath, DiscountsEditor } from './discounts-editor';
import { finishFields, FinishOptions } from './finish-options';
import { NewInvoiceLines } from './new-invoice-lines';
import { SuggestedCredit } from './suggested-credit';
import { TransferWarnings } from './transfer-warnings';
import { WhatChanges } from './what-changes';

interface CheckoutStepProps {
  discounts: DiscountInput[];
  onDiscountsChange: (discounts: DiscountInput[]) => void;
  preview: TransferPreview;
  finishing: { pending: boolean; error: unknown };
  onFinish: (finish: FinishInput) => void;
  onBack: () => void;
}

/** Step 3: the new invoice, what changes, the suggested credit, discounts, live totals, and the three finishes. */
export function CheckoutStep({ discounts, onDiscountsChange, preview, finishing, onFinish, onBack }: CheckoutStepProps) {
  const shown = preview.lastGood;
  if (!shown) {
    return preview.error ? (
      <Stack>
        <ProblemAlert error={preview.error} title="The checkout cannot be computed" />
        <Group>
          <Button variant="default" onClick={onBack}>
            Back to dates
          </Button>
        </Group>
      </Stack>
    ) : (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Computing the invoice…</Text>
      </Group>
    );
  }
  const { quote } = shown;
  const creditReason = quote.suggestedCredit?.reason;
  const creditApplied = discounts.some((d) => d.kind === 'amount' && d.reason === creditReason);

  return (
    <Stack gap="md">
      <TransferWarnings warnings={shown.warnings} />
      <SimpleGrid cols={2} spacing="md">
        <Stack gap="sm">
          <NewInvoiceLines invoice={quote.invoice} />
          <WhatChanges changes={quote.changes} />
        </Stack>
        <Stack gap="sm">
          <SuggestedCredit
            quote={quote}
            applied={creditApplied}
            onApply={(credit) => onDiscountsChange([...discounts, { kind: 'amount', amount: credit.amount, reason: credit.reason }])}
          />
          <DiscountsEditor
            discounts={discounts}
            computed={preview.data?.invoice.discounts}
            errors={fieldErrors(preview.error)}
            onChange={onDiscountsChange}
          />
          <Divider />
          {preview.error ? (
            <ProblemAlert
              error={preview.error}
              title="These discounts cannot be applied"
              shownFields={discounts.map((_, index) => discountPath(index))}
              fieldsHint="Change or remove the discount marked in red."
            />
          ) : (
            <CheckoutTotals invoice={shown.invoice} updating={preview.updating} />
          )}
        </Stack>
      </SimpleGrid>
      <Title order={3} size="h5">
        Finish
      </Title>
      <ProblemAlert
        error={finishing.error}
        title="The transfer was not made"
        shownFields={finishFields}
        fieldsHint="Correct the field marked in red and finish again."
      />
      <FinishOptions
        total={shown.invoice.total}
        dueOn={shown.invoice.dueOn}
        ready={Boolean(preview.data) && !preview.error && !preview.updating}
        pending={finishing.pending}
        error={finishing.error}
        onFinish={onFinish}
      />
      <Group>
        <Button variant="default" onClick={onBack} disabled={finishing.pending}>
          Back to dates
        </Button>
      </Group>
    </Stack>
  );
}
