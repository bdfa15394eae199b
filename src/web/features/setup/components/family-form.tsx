import type { FamilyInput } from '../../../api/types';
import { NameInput } from './name-input';
import type { ResourceFormProps } from './resource-setup';

export function FamilyForm({ value, onChange, errors }: ResourceFormProps<FamilyInput>) {
  return (
    <NameInput
      label="Family name"
      description="The billing account; guardians and clients belong to it"
      value={value}
      onChange={onChange}
      error={errors.name}
    />
  );
}
