import { Button, Divider, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { FamilyDto, GuardianDto, GuardianInput } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { QueryState } from '../../../shared/components/query-state';
import { fieldErrors, fieldErrorsIn } from '../../../shared/forms/field-errors';
import { guardiansApi } from '../../catalog/api/catalog-api';
import { useResourceList, useSaveResource } from '../../catalog/hooks/use-resource';

/** A family's guardians: the people to call and bill. */
export function GuardiansEditor({ family }: { family: FamilyDto }) {
  const guardians = useResourceList(guardiansApi, { familyId: family.id });
  const [editing, setEditing] = useState<GuardianDto | 'new' | null>(null);
  const items = guardians.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Divider />
      <Group justify="space-between">
        <Title order={4} size="h5">
          Guardians of the {family.name} family
        </Title>
        {editing === null && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            Add a guardian
          </Button>
        )}
      </Group>
      <QueryState
        label="guardians"
        isPending={guardians.isPending}
        error={guardians.error}
        onRetry={() => void guardians.refetch()}
        empty={{ when: items.length === 0 && editing === null, title: 'No guardian yet', description: 'Add who to call and bill.' }}
      >
        {items.map((guardian) =>
          editing !== 'new' && editing?.id === guardian.id ? (
            <GuardianForm key={guardian.id} familyId={family.id} guardian={guardian} onDone={() => setEditing(null)} />
          ) : (
            <Group key={guardian.id} justify="space-between">
              <Text size="sm">
                <strong>{guardian.name}</strong> {[guardian.phone, guardian.email].filter(Boolean).join(' · ')}
              </Text>
              <Button size="compact-xs" variant="subtle" aria-label={`Edit ${guardian.name}`} onClick={() => setEditing(guardian)}>
                Edit
              </Button>
            </Group>
          ),
        )}
      </QueryState>
      {editing === 'new' && <GuardianForm familyId={family.id} onDone={() => setEditing(null)} />}
    </Stack>
  );
}

/** The fields the guardian form shows messages beside (its family is not one: it is the family being edited). */
const guardianFields = ['body.name', 'body.phone', 'body.email'];

function GuardianForm({ familyId, guardian, onDone }: { familyId: string; guardian?: GuardianDto; onDone: () => void }) {
  const [value, setValue] = useState<GuardianInput>({
    familyId,
    name: guardian?.name ?? '',
    email: guardian?.email ?? null,
    phone: guardian?.phone ?? null,
  });
  const save = useSaveResource(guardiansApi);
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ id: guardian?.id, input: value }, { onSuccess: onDone });
  }
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-label={guardian ? `Edit ${guardian.name}` : 'New guardian'}>
      <Stack gap="xs">
        <GuardianFields value={value} onChange={setValue} errors={fieldErrorsIn(fieldErrors(save.error), 'body')} />
        <ProblemAlert
          error={save.error}
          title="The guardian was not saved"
          shownFields={guardianFields}
          fieldsHint="Correct the fields marked in red and save again."
        />
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button size="xs" type="submit" loading={save.isPending}>
            Save guardian
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Name, phone and email side by side; an emptied phone or email is sent as none. */
function GuardianFields(o: { value: GuardianInput; onChange: (value: GuardianInput) => void; errors: Record<string, string> }) {
  const text = (field: 'name' | 'phone' | 'email', label: string, type: 'text' | 'tel' | 'email') => (
    <TextInput
      label={label}
      type={type}
      required={field === 'name'}
      value={o.value[field] ?? ''}
      onChange={(event) => o.onChange({ ...o.value, [field]: event.currentTarget.value || (field === 'name' ? '' : null) })}
      error={o.errors[field]}
    />
  );
  return (
    <Group grow align="flex-start">
      {text('name', 'Name', 'text')}
      {text('phone', 'Phone', 'tel')}
      {text('email', 'Email', 'email')}
    </Group>
  );
}
