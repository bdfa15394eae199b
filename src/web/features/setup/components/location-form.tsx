import { Stack, TextInput } from '@mantine/core';
import type { LocationInput } from '../../../api/types';
import type { ResourceFormProps } from './resource-setup';

export function LocationForm({ value, onChange, errors }: ResourceFormProps<LocationInput>) {
  return (
    <Stack>
      <TextInput
        label="Name"
        required
        value={value.name}
        onChange={(event) => onChange({ ...value, name: event.currentTarget.value })}
        error={errors.name}
        data-autofocus
      />
      <TextInput
        label="Address"
        value={value.address ?? ''}
        onChange={(event) => onChange({ ...value, address: event.currentTarget.value || null })}
        error={errors.address}
      />
    </Stack>
  );
}
