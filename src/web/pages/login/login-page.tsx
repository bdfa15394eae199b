import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http';
import { useSignIn, type Landing } from '../../features/auth/hooks/use-sign-in';
import { problemMessage } from '../../shared/components/problem-message';

/**
 * Where to go after signing in: the page asked for, if it is a same-site path (a crafted link
 * cannot send someone elsewhere) in the right app: a guardian's login lands in the family
 * portal, a staff login never does.
 */
function landingPath(next: string | null, landing: Landing): string {
  const safe = next && next.startsWith('/') && !next.startsWith('//') ? next : null;
  const inPortal = safe === '/portal' || safe?.startsWith('/portal/') === true;
  if (landing === 'portal') return safe && inPortal ? safe : '/portal';
  return safe && !inPortal ? safe : '/';
}

function signInMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) {
    return 'That email and password do not match an account. Check both and try again.';
  }
  return problemMessage(error);
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: (landing) => navigate(landingPath(params.get('next'), landing), { replace: true }) });
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h3">
              Sign in
            </Title>
            {signIn.error && (
              <Alert color="red" role="alert" title="Not signed in">
                {signInMessage(signIn.error)}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              data-autofocus
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={signIn.isPending} disabled={!email || !password}>
              Sign in
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot password?
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
