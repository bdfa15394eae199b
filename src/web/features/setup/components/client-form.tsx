import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { ClientInput } from '../../../api/types';
import { familiesApi } from '../../catalog/api/catalog-api';
import { nameOptions } from '../../catalog/hooks/use-catalog';
import { useResourceList } from '../../catalog/hooks/use-resource';
import type { ResourceFormProps } from './resource-setup';

export function ClientForm({ value, onChange, errors }: ResourceFormProps<ClientInput>) {
  const families = useResourceList(familiesApi);
  const set = (changes: Partial<typeof value>) => onChange({ ...value, ...changes });
  return (
    <Stack gap="sm">
      <Select
        label="Family"
        description="Add the family first (Setup → Families) if it is new"
        required
        searchable
        data={nameOptions(families.data?.items ?? [])}
        value={value.familyId || null}
        onChange={(familyId) => set({ familyId: familyId ?? '' })}
        error={errors.familyId ?? (families.error ? 'Could not load the families' : undefined)}
        nothingFoundMessage="No family has this name"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label="First name"
          required
          value={value.firstName}
          onChange={(event) => set({ firstName: event.currentTarget.value })}
          error={errors.firstName}
        />
        <TextInput
          label="Last name"
          required
          value={value.lastName}
          onChange={(event) => set({ lastName: event.currentTarget.value })}
          error={errors.lastName}
        />
      </SimpleGrid>
      <TextInput
        type="date"
        label="Birth date"
        value={value.birthDate ?? ''}
        onChange={(event) => set({ birthDate: event.currentTarget.value || null })}
        error={errors.birthDate}
        w={200}
      />
      <Textarea
        label="Notes"
        autosize
        minRows={2}
        value={value.notes ?? ''}
        onChange={(event) => set({ notes: event.currentTarget.value })}
        error={errors.notes}
      />
    </Stack>
  );
}
