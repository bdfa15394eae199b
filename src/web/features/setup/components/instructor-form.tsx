import { Stack, TextInput } from '@mantine/core';
import type { InstructorInput } from '../../../api/types';
import type { ResourceFormProps } from './resource-setup';

export function InstructorForm({ value, onChange, errors }: ResourceFormProps<InstructorInput>) {
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
        label="Email"
        type="email"
        value={value.email ?? ''}
        onChange={(event) => onChange({ ...value, email: event.currentTarget.value || null })}
        error={errors.email}
      />
    </Stack>
  );
}
