import { StepHeading } from '../../../shared/components/step-heading';
import { Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DiscountInput, FinishInput, TransferPreviewDto } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import type { TransferPreview } from '../hooks/use-transfer-preview';
import { DiscountsAndTotals } from './discounts-and-totals';
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
  if (!shown) return <CheckoutNotShown preview={preview} onBack={onBack} />;
  return (
    <Stack gap="md">
      <StepHeading>Payment</StepHeading>
      <TransferWarnings warnings={shown.warnings} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap="sm">
          <NewInvoiceLines invoice={shown.quote.invoice} />
          <WhatChanges changes={shown.quote.changes} />
        </Stack>
        <PriceAdjustments shown={shown} discounts={discounts} onDiscountsChange={onDiscountsChange} preview={preview} />
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

/** Before the first answer: computing, or refused with the way back to the dates. */
function CheckoutNotShown({ preview, onBack }: { preview: TransferPreview; onBack: () => void }) {
  if (!preview.error) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Computing the invoice…</Text>
      </Group>
    );
  }
  return (
    <Stack>
      <ProblemAlert error={preview.error} title="The checkout cannot be computed" />
      <Group>
        <Button variant="default" onClick={onBack}>
          Back to dates
        </Button>
      </Group>
    </Stack>
  );
}

interface PriceAdjustmentsProps {
  /** The last answer the server gave, kept on screen while a new one is asked for or refused. */
  shown: TransferPreviewDto;
  discounts: DiscountInput[];
  onDiscountsChange: (discounts: DiscountInput[]) => void;
  preview: TransferPreview;
}

/** The suggested credit, the discounts, and the totals the server computes with them (or why it would not). */
function PriceAdjustments({ shown, discounts, onDiscountsChange, preview }: PriceAdjustmentsProps) {
  const credit = shown.quote.suggestedCredit;
  const creditApplied = discounts.some((d) => d.kind === 'amount' && d.reason === credit?.reason);
  return (
    <Stack gap="sm">
      <SuggestedCredit
        quote={shown.quote}
        applied={creditApplied}
        onApply={({ amount, reason }) => onDiscountsChange([...discounts, { kind: 'amount', amount, reason }])}
      />
      <DiscountsAndTotals discounts={discounts} onDiscountsChange={onDiscountsChange} invoice={shown.invoice} preview={preview} />
    </Stack>
  );
}
