import { NativeSelect, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { PaymentPlan, ServiceInput } from '../../../api/types';
import { MoneyInput } from '../../../shared/components/money-input';
import { paymentPlanOptions } from '../../../shared/format/value-labels';
import { NameInput } from './name-input';
import type { ResourceFormProps } from './resource-setup';

export function ServiceForm({ value, onChange, errors }: ResourceFormProps<ServiceInput>) {
  return (
    <Stack>
      <NameInput value={value} onChange={onChange} error={errors.name} />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        value={value.description ?? ''}
        onChange={(event) => onChange({ ...value, description: event.currentTarget.value })}
        error={errors.description}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <NativeSelect
          label="Default payment plan"
          required
          data={paymentPlanOptions}
          value={value.defaultPaymentPlan}
          onChange={(event) => onChange({ ...value, defaultPaymentPlan: event.currentTarget.value as PaymentPlan })}
          error={errors.defaultPaymentPlan}
        />
        <MoneyInput
          label="Default price"
          required
          value={value.defaultPrice}
          onChange={(amount) => onChange({ ...value, defaultPrice: amount })}
          error={errors.defaultPrice}
        />
      </SimpleGrid>
    </Stack>
  );
}
