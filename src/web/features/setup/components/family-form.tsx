import { TextInput } from '@mantine/core';
import type { FamilyInput } from '../../../api/types';
import type { ResourceFormProps } from './resource-setup';

export function FamilyForm({ value, onChange, errors }: ResourceFormProps<FamilyInput>) {
  return (
    <TextInput
      label="Family name"
      description="The billing account; guardians and clients belong to it"
      required
      value={value.name}
      onChange={(event) => onChange({ ...value, name: event.currentTarget.value })}
      error={errors.name}
      data-autofocus
    />
  );
}
