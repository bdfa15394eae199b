import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
// The date picker's styles come with the one screen that has one, not in the stylesheet every first paint waits for.
import '@mantine/dates/styles.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { RegisteredFamilyDto, RegisterFamilyInput } from '../../../contracts/families';
import { http } from '../../api/http';
import { EnrollButton } from '../../features/enrollment/components/enroll-button';
import { FamilyLink } from '../../features/clients/components/family-link';
import { ProblemAlert } from '../../shared/components/problem-alert';
import { fieldError, fieldErrors, type FieldErrors } from '../../shared/forms/field-errors';

interface GuardianDraft {
  name: string;
  phone: string;
  email: string;
}
interface ChildDraft {
  firstName: string;
  lastName: string;
  birthDate: string | null;
}

const noGuardian: GuardianDraft = { name: '', phone: '', email: '' };

/** A new family in one form: its name, its guardians, its children; then enroll each child. */
export function NewFamilyPage() {
  const registering = useRegisterFamily();
  const registered = registering.data;
  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to="/clients" size="sm">
        ← Clients
      </Anchor>
      <Title order={2}>New family</Title>
      {registered ? <Registered registered={registered} /> : <NewFamilyForm registering={registering} />}
    </Stack>
  );
}

function useRegisterFamily() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterFamilyInput) => http.post<RegisteredFamilyDto>('/api/families/register', input),
    onSuccess: () => {
      for (const key of ['families', 'clients', 'guardians', 'search']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

function NewFamilyForm({ registering }: { registering: ReturnType<typeof useRegisterFamily> }) {
  const [name, setName] = useState('');
  const [guardians, setGuardians] = useState<GuardianDraft[]>([{ ...noGuardian }]);
  const [children, setChildren] = useState<ChildDraft[]>([{ firstName: '', lastName: '', birthDate: null }]);
  const errors = fieldErrors(registering.error);
  // A child's last name follows the family's until staff type another one.
  const lastNameOf = (child: ChildDraft) => child.lastName || name;

  function submit(event: FormEvent) {
    event.preventDefault();
    registering.mutate({
      name: name.trim(),
      guardians: guardians.map((g) => ({ name: g.name.trim(), phone: g.phone.trim() || null, email: g.email.trim() || null })),
      children: children.map((c) => ({ firstName: c.firstName.trim(), lastName: lastNameOf(c).trim(), birthDate: c.birthDate, notes: '' })),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="New family">
      <Stack gap="md">
        <TextInput label="Family name" required data-autofocus autoFocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(errors, 'body.name')} maw={360} />
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              Guardians
            </Title>
            {guardians.map((guardian, index) => (
              <GuardianFields
                key={index}
                index={index}
                value={guardian}
                errors={errors}
                onChange={(next) => setGuardians(guardians.map((g, i) => (i === index ? next : g)))}
                onRemove={guardians.length > 1 ? () => setGuardians(guardians.filter((_, i) => i !== index)) : undefined}
              />
            ))}
            <Text size="sm" c="var(--mantine-color-error)">
              {errors['body.guardians']}
            </Text>
            <Group>
              <Button variant="light" size="xs" onClick={() => setGuardians([...guardians, { ...noGuardian }])}>
                Add another guardian
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              Children
            </Title>
            {children.map((child, index) => (
              <ChildFields
                key={index}
                index={index}
                value={{ ...child, lastName: lastNameOf(child) }}
                errors={errors}
                onChange={(next) => setChildren(children.map((c, i) => (i === index ? next : c)))}
                onRemove={children.length > 1 ? () => setChildren(children.filter((_, i) => i !== index)) : undefined}
              />
            ))}
            <Group>
              <Button variant="light" size="xs" onClick={() => setChildren([...children, { firstName: '', lastName: '', birthDate: null }])}>
                Add another child
              </Button>
            </Group>
          </Stack>
        </Paper>
        <ProblemAlert
          error={registering.error}
          title="The family was not added"
          shownFields={['body.name', 'body.guardians', 'body.children']}
          fieldsHint="Correct the fields marked in red and add the family again."
        />
        <Group>
          <Button type="submit" loading={registering.isPending}>
            Add the family
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface FieldsProps<T> {
  index: number;
  value: T;
  errors: FieldErrors;
  onChange: (value: T) => void;
  onRemove: (() => void) | undefined;
}

function GuardianFields({ index, value, errors, onChange, onRemove }: FieldsProps<GuardianDraft>) {
  const at = `body.guardians.${index}`;
  const n = index + 1;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="visually-hidden">Guardian {n}</legend>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label={`Guardian ${n} name`} required value={value.name} onChange={(e) => onChange({ ...value, name: e.currentTarget.value })} error={fieldError(errors, `${at}.name`)} />
        <TextInput label="Phone" type="tel" value={value.phone} onChange={(e) => onChange({ ...value, phone: e.currentTarget.value })} error={fieldError(errors, `${at}.phone`)} />
        <TextInput label="Email" type="email" value={value.email} onChange={(e) => onChange({ ...value, email: e.currentTarget.value })} error={fieldError(errors, `${at}.email`)} />
      </SimpleGrid>
      {onRemove && (
        <Button variant="subtle" color="red" size="compact-xs" mt={4} onClick={onRemove}>
          Remove guardian {n}
        </Button>
      )}
    </fieldset>
  );
}

function ChildFields({ index, value, errors, onChange, onRemove }: FieldsProps<ChildDraft>) {
  const at = `body.children.${index}`;
  const n = index + 1;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="visually-hidden">Child {n}</legend>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label={`Child ${n} first name`} required value={value.firstName} onChange={(e) => onChange({ ...value, firstName: e.currentTarget.value })} error={fieldError(errors, `${at}.firstName`)} />
        <TextInput label="Last name" required value={value.lastName} onChange={(e) => onChange({ ...value, lastName: e.currentTarget.value })} error={fieldError(errors, `${at}.lastName`)} />
        <DateInput
          label="Birth date"
          value={value.birthDate}
          onChange={(date) => onChange({ ...value, birthDate: date })}
          valueFormat="MMM D, YYYY"
          clearable
          error={fieldError(errors, `${at}.birthDate`)}
        />
      </SimpleGrid>
      {onRemove && (
        <Button variant="subtle" color="red" size="compact-xs" mt={4} onClick={onRemove}>
          Remove child {n}
        </Button>
      )}
    </fieldset>
  );
}

/** Done: the family's page, and the way on to enroll each child. */
function Registered({ registered }: { registered: RegisteredFamilyDto }) {
  return (
    <Paper withBorder p="md" role="status">
      <Stack gap="sm">
        <Text fw={600}>
          The <FamilyLink family={registered.family}>{registered.family.name} family</FamilyLink> is added, with{' '}
          {registered.guardians.map((g) => g.name).join(' and ')}.
        </Text>
        <Text size="sm">Enroll a child now:</Text>
        <Group gap="sm">
          {registered.children.map((child) => {
            const name = `${child.firstName} ${child.lastName}`;
            return <EnrollButton key={child.id} label={`Enroll ${name}`} start={{ client: { id: child.id, name } }} />;
          })}
        </Group>
      </Stack>
    </Paper>
  );
}
