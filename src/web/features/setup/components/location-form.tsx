import { Stack, TextInput } from '@mantine/core';
import type { LocationInput } from '../../../api/types';
import { NameInput } from './name-input';
import type { ResourceFormProps } from './resource-setup';

export function LocationForm({ value, onChange, errors }: ResourceFormProps<LocationInput>) {
  return (
    <Stack>
      <NameInput value={value} onChange={onChange} error={errors.name} />
      <TextInput
        label="Address"
        value={value.address ?? ''}
        onChange={(event) => onChange({ ...value, address: event.currentTarget.value || null })}
        error={errors.address}
      />
    </Stack>
  );
}
