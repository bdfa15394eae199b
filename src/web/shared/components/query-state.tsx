import { Alert, Button, Center, EmptyState, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { problemMessage, worthRetrying } from './problem-message';

interface QueryStateProps {
  /** What is loading, read to screen readers and shown beside the spinner. */
  label: string;
  isPending: boolean;
  error: unknown;
  onRetry?: () => void;
  /** Shown instead of children when the data is there but has nothing in it. */
  empty?: { when: boolean; title: string; description?: ReactNode; action?: ReactNode };
  children: ReactNode;
}

/** The loading, error and empty states every screen needs, in one place. */
export function QueryState({ label, isPending, error, onRetry, empty, children }: QueryStateProps) {
  if (error) {
    return (
      <Alert color="red" title={`Could not load ${label}`} role="alert">
        <Text size="sm">{problemMessage(error)}</Text>
        {onRetry && worthRetrying(error) && (
          <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Alert>
    );
  }
  if (isPending) {
    return (
      <Center py="xl" role="status">
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Loading {label}…
          </Text>
        </Group>
      </Center>
    );
  }
  if (empty?.when) {
    return (
      <EmptyState title={empty.title} description={empty.description} py="lg">
        {empty.action}
      </EmptyState>
    );
  }
  return <>{children}</>;
}
