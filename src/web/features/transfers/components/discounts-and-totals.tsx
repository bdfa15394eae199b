import { Divider } from '@mantine/core';
import type { ComponentProps } from 'react';
import type { DiscountInput } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { fieldErrors } from '../../../shared/forms/field-errors';
import { CheckoutTotals } from './checkout-totals';
import { discountPath, DiscountsEditor } from './discounts-editor';

interface DiscountsAndTotalsProps {
  discounts: DiscountInput[];
  onDiscountsChange: (discounts: DiscountInput[]) => void;
  /** The new invoice as last answered, kept on screen while a new answer is asked for or refused. */
  invoice: ComponentProps<typeof CheckoutTotals>['invoice'];
  preview: { data?: { invoice: { discounts: ComponentProps<typeof DiscountsEditor>['computed'] } }; error: unknown; updating: boolean };
}

/** A checkout's discounts and the totals the server computes with them, or why it would not (a transfer's and an enrollment's). */
export function DiscountsAndTotals({ discounts, onDiscountsChange, invoice, preview }: DiscountsAndTotalsProps) {
  return (
    <>
      <DiscountsEditor
        discounts={discounts}
        computed={preview.data?.invoice.discounts}
        errors={fieldErrors(preview.error)}
        onChange={onDiscountsChange}
        subtotal={invoice.subtotal}
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
        <CheckoutTotals invoice={invoice} updating={preview.updating} />
      )}
    </>
  );
}
