import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { http } from '../../api/http';
import { useSignIn } from '../../features/auth/hooks/use-sign-in';
import { problemMessage } from '../../shared/components/problem-message';

/**
 * The page a family-portal invitation opens: the guardian chooses a password (the staff
 * policy: 10 to 128 characters) with the link's token, and is signed in to the portal.
 */
export function PortalWelcomePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const email = params.get('email') ?? '';
  const [password, setPassword] = useState('');
  const navigate = useNavigate();
  const signIn = useSignIn();
  const choose = useMutation({
    mutationFn: async () => {
      await http.post('/api/auth/reset-password', { token, newPassword: password });
      // Signed in straight away when the link carries the address; otherwise on the sign-in page.
      if (email) await signIn.mutateAsync({ email, password });
    },
    onSuccess: () => navigate(email ? '/portal' : '/login?next=%2Fportal', { replace: true }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    choose.mutate();
  };
  return (
    <Center mih="100dvh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        {!token ? (
          <Stack>
            <Title order={1} size="h3">
              This link does not work
            </Title>
            <Text>The link is cut short. Open it again from the invitation email, or ask the school for a new invitation.</Text>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={1} size="h3">
                Welcome to the family portal
              </Title>
              <Text size="sm">
                Choose a password{email ? ` for ${email}` : ''}. You then see your children's classes, next dates and invoices.
              </Text>
              {choose.error && (
                <Alert color="red" role="alert" title="Password not set">
                  {problemMessage(choose.error)}
                </Alert>
              )}
              <PasswordInput
                label="Choose a password"
                description="10 to 128 characters"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                data-autofocus
              />
              <Button type="submit" loading={choose.isPending} disabled={password.length === 0}>
                Set password and sign in
              </Button>
              <Anchor component={Link} to="/login" size="sm">
                I already have a password
              </Anchor>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
