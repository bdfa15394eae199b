import { Checkbox, Stack } from '@mantine/core';
import { optionalKindLabels, type OptionalMessageKind } from '../message-types';

const kinds = Object.keys(optionalKindLabels) as OptionalMessageKind[];

interface KindChoicesProps {
  label: string;
  /** The kinds turned off; a ticked box is a kind that is sent. */
  mutedKinds: readonly OptionalMessageKind[];
  disabled?: boolean;
  onChange: (mutedKinds: OptionalMessageKind[]) => void;
}

/** Which kinds of email go out: ticked is sent. Account emails (sign-in, password) always go. */
export function KindChoices({ label, mutedKinds, disabled, onChange }: KindChoicesProps) {
  return (
    <Checkbox.Group
      label={label}
      value={kinds.filter((k) => !mutedKinds.includes(k))}
      onChange={(sent) => onChange(kinds.filter((k) => !sent.includes(k)))}
    >
      <Stack gap={6} mt={6}>
        {kinds.map((kind) => (
          <Checkbox key={kind} value={kind} label={optionalKindLabels[kind].label} description={optionalKindLabels[kind].description} disabled={disabled} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
