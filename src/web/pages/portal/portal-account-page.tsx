import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { PortalAccountDto } from '../../../contracts/portal';
import { KindChoices } from '../../features/messages/components/kind-choices';
import { usePortalAccount, useSavePortalAccount } from '../../features/portal/api/portal-api';
import { usePortalSession } from '../../features/portal/components/portal-session';
import { ProblemAlert } from '../../shared/components/problem-alert';
import { QueryState } from '../../shared/components/query-state';
import { fieldError, fieldErrors } from '../../shared/forms/field-errors';

/** The guardian's own contacts (the email only the school changes) and which emails they receive. */
export function PortalAccountPage() {
  const account = usePortalAccount();
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        Account
      </Title>
      <QueryState label="your account" isPending={account.isPending} error={account.error} onRetry={() => void account.refetch()}>
        {account.data && (
          <>
            <ContactForm account={account.data} />
            <EmailChoices account={account.data} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function ContactForm({ account }: { account: PortalAccountDto }) {
  const { organization } = usePortalSession();
  const { contact } = useSavePortalAccount();
  const [name, setName] = useState(account.name);
  const [phone, setPhone] = useState(account.phone ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    contact.mutate({ name, phone: phone.trim() === '' ? null : phone });
  };
  const errors = fieldErrors(contact.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="contact-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="contact-heading">
            Your contact details
          </Title>
          <TextInput label="Name" autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(errors, 'body.name')} />
          <TextInput label="Phone" type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={fieldError(errors, 'body.phone')} />
          <TextInput label="Email" value={account.email ?? ''} readOnly description={`You sign in with it, so only ${organization.name} can change it: ask them.`} />
          {contact.isSuccess && !contact.isPending && (
            <Alert color="teal" role="status" title="Saved">
              Your contact details are saved.
            </Alert>
          )}
          <ProblemAlert error={contact.error} shownFields={['body.name', 'body.phone']} />
          <Group>
            <Button type="submit" loading={contact.isPending} disabled={!name.trim()} w={{ base: '100%', xs: 'auto' }}>
              Save contact details
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EmailChoices({ account }: { account: PortalAccountDto }) {
  const { choices } = useSavePortalAccount();
  const mutedKinds = choices.isPending && choices.variables ? choices.variables.mutedKinds : account.mutedKinds;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="emails-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="emails-heading">
          Emails you receive
        </Title>
        <Text size="sm" c="dimmed">
          Emails about your account (like a password link) always come.
        </Text>
        <KindChoices label="Send me emails about" mutedKinds={mutedKinds} disabled={choices.isPending} onChange={(kinds) => choices.mutate({ mutedKinds: kinds })} />
        {choices.isSuccess && !choices.isPending && (
          <Alert color="teal" role="status" title="Saved">
            Your email choices are saved.
          </Alert>
        )}
        <ProblemAlert error={choices.error} />
      </Stack>
    </Paper>
  );
}
