import { Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useFormat } from '../../../shared/format/use-format';
import { statusBadges, type MessageDto } from '../message-types';
import { MessageDialog } from './message-dialog';

const recipientKinds: Record<MessageDto['recipient']['kind'], string> = { guardian: 'guardian', instructor: 'instructor', staff: 'staff' };

/**
 * Messages as stacked rows (they read the same on a phone): subject, to whom, when, where it
 * stands and, when it was not sent, why. "Read" opens it as the recipient sees it.
 */
export function MessageList({ messages }: { messages: readonly MessageDto[] }) {
  const format = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {messages.map((message) => {
        const badge = statusBadges[message.status];
        return (
          <Paper component="li" key={message.id} withBorder p="sm" radius="md" data-message-id={message.id}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
              <Box style={{ flex: '1 1 16rem', minWidth: 0 }}>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {message.subject}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  To {message.recipient.name} ({recipientKinds[message.recipient.kind]}){message.recipient.email ? ` · ${message.recipient.email}` : ''} ·{' '}
                  {format.instant(message.createdAt)}
                </Text>
                {message.statusNote && (
                  <Text size="xs" c={message.status === 'failed' ? 'red.8' : 'dimmed'} mt={2}>
                    {message.statusNote}
                  </Text>
                )}
              </Box>
              <Group gap="xs" wrap="nowrap">
                <Badge color={badge.color} variant="light" data-testid="message-status">
                  {badge.label}
                </Badge>
                <Button size="xs" variant="default" onClick={() => setOpen(message.id)} aria-label={`Read “${message.subject}” to ${message.recipient.name}`}>
                  Read
                </Button>
              </Group>
            </Group>
          </Paper>
        );
      })}
      {open && <MessageDialog messageId={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
