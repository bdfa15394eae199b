import { TextInput } from '@mantine/core';

/** The required name every setup record has, focused when its form opens. */
export function NameInput<T extends { name: string }>(o: {
  value: T;
  onChange: (value: T) => void;
  error: string | undefined;
  label?: string;
  description?: string;
}) {
  return (
    <TextInput
      label={o.label ?? 'Name'}
      description={o.description}
      required
      value={o.value.name}
      onChange={(event) => o.onChange({ ...o.value, name: event.currentTarget.value })}
      error={o.error}
      data-autofocus
    />
  );
}
