import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { messagesApi } from '../../features/messages/api/messages-api';
import { problemMessage } from '../../shared/components/problem-message';

/**
 * The page an email's unsubscribe line opens, with no login: it says what it would turn off
 * and does it only when the reader presses the button (mail scanners open links too).
 */
export function UnsubscribePage() {
  const { messageId = '' } = useParams<{ messageId: string }>();
  const link = useQuery({ queryKey: ['unsubscribe', messageId], queryFn: () => messagesApi.describeUnsubscribe(messageId), retry: false });
  const confirm = useMutation({ mutationFn: () => messagesApi.unsubscribe(messageId) });
  const done = confirm.data ?? (link.data?.unsubscribed ? link.data : null);
  return (
    <Center component="main" mih="100dvh" p="md">
      <Paper withBorder radius="md" p="lg" maw={480} w="100%">
        <Stack gap="md">
          <Title order={1} size="h3">
            Email choices
          </Title>
          {link.isPending && <Loader aria-label="Loading" />}
          {link.error && (
            <Alert color="red" role="alert" title="This link does not work">
              {problemMessage(link.error)}
            </Alert>
          )}
          {link.data && done && (
            <Text role="status">
              Done: {done.recipientName} no longer receives {done.kindName} emails from {done.organizationName}. Ask the school to turn them back on
              at any time.
            </Text>
          )}
          {link.data && !done && (
            <>
              <Text>
                Stop {link.data.kindName} emails from {link.data.organizationName} to {link.data.recipientName}? Other emails (and those to the
                family&apos;s other contacts) are not changed.
              </Text>
              {confirm.error && (
                <Alert color="red" role="alert" title="Not done">
                  {problemMessage(confirm.error)}
                </Alert>
              )}
              {/* The label wraps on a phone rather than cut "emails" off. */}
              <Button onClick={() => confirm.mutate()} loading={confirm.isPending} h="auto" py="xs" styles={{ label: { whiteSpace: 'normal' } }}>
                Unsubscribe from {link.data.kindName} emails
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
