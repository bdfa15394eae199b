import { Stack, TextInput } from '@mantine/core';
import type { InstructorInput } from '../../../api/types';
import { NameInput } from './name-input';
import type { ResourceFormProps } from './resource-setup';

export function InstructorForm({ value, onChange, errors }: ResourceFormProps<InstructorInput>) {
  return (
    <Stack>
      <NameInput value={value} onChange={onChange} error={errors.name} />
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
