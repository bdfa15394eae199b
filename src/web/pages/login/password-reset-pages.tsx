import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { http } from '../../api/http';
import { problemMessage } from '../../shared/components/problem-message';

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={380} maw="100%">
        <Stack>
          <Title order={1} size="h3">
            {title}
          </Title>
          {children}
          <Anchor component={Link} to="/login" size="sm">
            Back to sign in
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}

/** "Forgot password?": the reset link goes by email, through the outbox. The answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => http.post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <Card title="Reset your password">
      {request.isSuccess ? (
        <Text role="status">If {email} has an account, an email with a link to choose a new password is on its way. The link works for an hour.</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">Enter the email you sign in with; we send a link to choose a new password.</Text>
            {request.error && (
              <Alert color="red" role="alert" title="Not sent">
                {problemMessage(request.error)}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoFocus />
            <Button type="submit" loading={request.isPending} disabled={!email}>
              Send the link
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}

/** The page the emailed link opens: a new password for the token in the link; every other session of the account ends. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const reset = useMutation({ mutationFn: () => http.post('/api/auth/reset-password', { token, newPassword: password }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate();
  };
  if (!token || params.get('error')) {
    return (
      <Card title="This link does not work">
        <Text>The link is old or was cut short. Ask for a new one with “Forgot password?” on the sign-in page.</Text>
      </Card>
    );
  }
  return (
    <Card title="Choose a new password">
      {reset.isSuccess ? (
        <Text role="status">Your password is changed. Sign in with it now.</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {reset.error && (
              <Alert color="red" role="alert" title="Not changed">
                {problemMessage(reset.error)}
              </Alert>
            )}
            <PasswordInput
              label="New password"
              description="10 to 128 characters"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoFocus
            />
            <Button type="submit" loading={reset.isPending} disabled={password.length === 0}>
              Change the password
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
