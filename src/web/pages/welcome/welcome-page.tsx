import { Alert, Anchor, Button, Center, Loader, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SetupDoneDto, SetupInput, SetupStatusDto } from '../../../contracts/setup';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../domain/access/password-length';
import { http } from '../../api/http';
import { useSignIn } from '../../features/auth/hooks/use-sign-in';
import { problemMessage } from '../../shared/components/problem-message';
import { allFieldsShown, fieldError, fieldErrors } from '../../shared/forms/field-errors';

const setupStatusKey = ['setup-status'] as const;

/** Currencies offered first; any other ISO code the browser knows can be searched for. */
const usualCurrencies = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'SGD', 'ZAR', 'INR', 'MXN', 'BRL'];

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function browserLocale(): string {
  return navigator.language || 'en-US';
}

function currencyOptions(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  return [...usualCurrencies, ...all.filter((code) => !usualCurrencies.includes(code))];
}

function currencyFor(locale: string): string {
  const region = locale.split('-')[1]?.toUpperCase();
  const byRegion: Record<string, string> = { US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', JP: 'JPY', IN: 'INR' };
  if (region && byRegion[region]) return byRegion[region]!;
  return ['DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'AT', 'IE', 'PT', 'FI'].includes(region ?? '') ? 'EUR' : 'USD';
}

const field = (name: keyof SetupInput) => `body.${name}`;

/**
 * The first run: with no organization in the database every page leads here (the server
 * redirects), and the person installing the app creates the organization and becomes its owner.
 */
export function WelcomePage() {
  const status = useQuery({ queryKey: setupStatusKey, queryFn: () => http.get<SetupStatusDto>('/api/setup') });
  const locale = browserLocale();
  const [form, setForm] = useState<SetupInput>({
    organizationName: '',
    timeZone: browserTimeZone(),
    currency: currencyFor(locale),
    locale,
    ownerName: '',
    ownerEmail: '',
    ownerPassword: '',
  });
  const timeZones = useMemo(() => {
    // The browser's own zone first when the list lacks it (Chromium lists no "UTC").
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const own = browserTimeZone();
    return zones.includes(own) ? zones : [own, ...zones];
  }, []);
  const currencies = useMemo(currencyOptions, []);
  const navigate = useNavigate();
  const signIn = useSignIn();
  const setUp = useMutation({
    mutationFn: (input: SetupInput) => http.post<SetupDoneDto>('/api/setup', input),
    onSuccess: () =>
      signIn.mutate({ email: form.ownerEmail, password: form.ownerPassword }, { onSuccess: () => navigate('/', { replace: true }) }),
  });
  const errors = fieldErrors(setUp.error);
  const set = (name: keyof SetupInput) => (value: string | null) => setForm((current) => ({ ...current, [name]: value ?? '' }));
  const shown = Object.keys(form).map((name) => field(name as keyof SetupInput));

  function submit(event: FormEvent) {
    event.preventDefault();
    setUp.mutate(form);
  }

  if (status.isPending) {
    return (
      <Center mih="100vh" component="main">
        <Loader aria-label="Loading" />
      </Center>
    );
  }

  if (status.data && !status.data.needed) {
    return (
      <Center mih="100vh" p="md" component="main">
        <Paper withBorder shadow="sm" p="xl" maw={460}>
          <Stack>
            <Title order={1} size="h3">
              Already set up
            </Title>
            <Text>This installation already has its organization. Sign in, or ask its owner to add you as staff.</Text>
            <Anchor component={Link} to="/login">
              Go to sign in
            </Anchor>
          </Stack>
        </Paper>
      </Center>
    );
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} w={640} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h3">
              Welcome — set up your organization
            </Title>
            <Text c="dimmed" size="sm">
              Your business and your own login as its owner. You can add staff once you are signed in.
            </Text>
            {(setUp.error || signIn.error) && !allFieldsShown(errors, shown) && (
              <Alert color="red" role="alert" title="Not set up">
                {problemMessage(setUp.error ?? signIn.error)}
              </Alert>
            )}
            <Title order={2} size="h5">
              Organization
            </Title>
            <Text size="sm">Its time zone decides what &quot;today&quot; is; its locale (such as en-US) how dates and money are written.</Text>
            <TextInput
              label="Name"
              required
              autoComplete="organization"
              value={form.organizationName}
              onChange={(event) => set('organizationName')(event.currentTarget.value)}
              error={fieldError(errors, field('organizationName'))}
              data-autofocus
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Time zone"
                required
                searchable
                data={timeZones}
                value={form.timeZone}
                onChange={set('timeZone')}
                error={fieldError(errors, field('timeZone'))}
                allowDeselect={false}
              />
              <Select
                label="Currency"
                required
                searchable
                data={currencies}
                value={form.currency}
                onChange={set('currency')}
                error={fieldError(errors, field('currency'))}
                allowDeselect={false}
              />
              <TextInput
                label="Locale"
                placeholder="en-US"
                required
                value={form.locale}
                onChange={(event) => set('locale')(event.currentTarget.value)}
                error={fieldError(errors, field('locale'))}
              />
            </SimpleGrid>
            <Title order={2} size="h5">
              Your login (owner)
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Your name"
                required
                autoComplete="name"
                value={form.ownerName}
                onChange={(event) => set('ownerName')(event.currentTarget.value)}
                error={fieldError(errors, field('ownerName'))}
              />
              <TextInput
                label="Email"
                type="email"
                required
                autoComplete="username"
                value={form.ownerEmail}
                onChange={(event) => set('ownerEmail')(event.currentTarget.value)}
                error={fieldError(errors, field('ownerEmail'))}
              />
            </SimpleGrid>
            <PasswordInput
              label="Password"
              description={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not one of the common passwords`}
              required
              autoComplete="new-password"
              value={form.ownerPassword}
              onChange={(event) => set('ownerPassword')(event.currentTarget.value)}
              error={fieldError(errors, field('ownerPassword'))}
            />
            <Button type="submit" loading={setUp.isPending || signIn.isPending}>
              Create organization and sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
