import { Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { QueryState } from '../../../shared/components/query-state';
import { useFormat } from '../../../shared/format/use-format';
import { useCan } from '../../auth/hooks/use-permission';
import { useMessage, useSendAgain } from '../hooks/use-messages';
import { statusBadges, type MessageDetailDto } from '../message-types';

const outcomes: Record<MessageDetailDto['attemptLog'][number]['outcome'], string> = {
  sent: 'Accepted by the mail server',
  retry: 'Not accepted; tried again later',
  failed: 'Refused; not tried again',
};

/** One message as the recipient reads it (the email itself, or its plain text), with every try to send it. */
export function MessageDialog({ messageId, onClose }: { messageId: string; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 36em)');
  const message = useMessage(messageId);
  return (
    <Modal opened onClose={onClose} title={message.data?.subject ?? 'Message'} size="xl" fullScreen={phone}>
      <QueryState label="the message" isPending={message.isPending} error={message.error} onRetry={() => void message.refetch()}>
        {message.data && <MessageBody message={message.data} />}
      </QueryState>
    </Modal>
  );
}

function MessageBody({ message }: { message: MessageDetailDto }) {
  const format = useFormat();
  const can = useCan();
  const sendAgain = useSendAgain();
  const [view, setView] = useState<'email' | 'text'>('email');
  const badge = statusBadges[message.status];
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <Badge color={badge.color} variant="light">
          {badge.label}
        </Badge>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          To {message.recipient.name}
          {message.recipient.email ? ` <${message.recipient.email}>` : ' (no email address)'}
        </Text>
      </Group>
      {message.statusNote && (
        <Text size="sm" c={message.status === 'failed' ? 'red.8' : 'dimmed'}>
          {message.statusNote}
        </Text>
      )}
      <SegmentedControl
        value={view}
        onChange={(v) => setView(v as 'email' | 'text')}
        data={[
          { value: 'email', label: 'As the email shows' },
          { value: 'text', label: 'Plain text' },
        ]}
        aria-label="How to show the message"
      />
      {view === 'email' ? (
        // The email's own HTML, in a frame with no scripts and no access to the app.
        <iframe title={`The email “${message.subject}”`} sandbox="" srcDoc={message.html} style={{ width: '100%', height: '30rem', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} />
      ) : (
        <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit', margin: 0 }}>
          {message.text}
        </Text>
      )}
      {message.attemptLog.length > 0 && (
        <Table.ScrollContainer minWidth={0}>
          <Table fz="xs" verticalSpacing={4} aria-label="Tries to send it">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What happened</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {message.attemptLog.map((attempt) => (
                <Table.Tr key={attempt.at}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.instant(attempt.at)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {outcomes[attempt.outcome]}: {attempt.detail}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {message.status === 'failed' && can('messages.manage') && (
        <Group justify="flex-end">
          <ProblemAlert error={sendAgain.error} />
          <Button onClick={() => sendAgain.mutate(message.id)} loading={sendAgain.isPending}>
            Send again
          </Button>
        </Group>
      )}
    </Stack>
  );
}
