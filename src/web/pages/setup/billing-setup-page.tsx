import { Stack, Text, Title } from '@mantine/core';
import { BillingSettings } from '../../features/billing/components/billing-settings-form';
import { useBillingSettings } from '../../features/billing/hooks/use-billing';
import { QueryState } from '../../shared/components/query-state';

/** The organization's billing settings: what the invoice run does and when invoices are due. */
export function BillingSetupPage() {
  const settings = useBillingSettings();
  return (
    <Stack gap="sm">
      <div>
        <Title order={3}>Billing</Title>
        <Text size="sm" c="dimmed">
          The invoice run issues each period&apos;s invoices ahead of it; these settings say when, and when they are due.
        </Text>
      </div>
      <QueryState label="the billing settings" isPending={settings.isPending} error={settings.error} onRetry={() => void settings.refetch()}>
        {settings.data && <BillingSettings settings={settings.data} />}
      </QueryState>
    </Stack>
  );
}
