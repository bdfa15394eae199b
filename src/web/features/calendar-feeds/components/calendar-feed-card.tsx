import { Button, CopyButton, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { QueryState } from '../../../shared/components/query-state';
import type { CalendarFeedOwner } from '../api/calendar-feeds-api';
import { useCalendarFeed, useChangeCalendarFeed } from '../hooks/use-calendar-feed';

interface CalendarFeedCardProps {
  owner: CalendarFeedOwner;
  /** What the feed holds, in a sentence ("Every session date of the Patel family's children"). */
  description: ReactNode;
  /** May make a new link or turn the feed off (staff with the permission, the guardian in the portal). */
  canChange: boolean;
  /** The heading's level where the card sits (a page's section: 3). */
  headingOrder?: 2 | 3 | 4;
  /** Shown under the link while the feed is on, e.g. a webcal:// link for phones. */
  whileOn?: (feed: { url: string; webcalUrl: string }) => ReactNode;
}

type Change = 'renew' | 'turn-off';

/** A private calendar feed: its link to copy, a new link (the old one stops working) and turning it off. */
export function CalendarFeedCard({ owner, description, canChange, headingOrder = 3, whileOn }: CalendarFeedCardProps) {
  const feed = useCalendarFeed(owner);
  const change = useChangeCalendarFeed(owner);
  const [confirming, setConfirming] = useState<Change | null>(null);
  const headingId = useId();
  const current = feed.data?.feed ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={headingOrder} size="h4" id={headingId}>
          Calendar feed
        </Title>
        <Text size="sm">{description}</Text>
        <QueryState label="the calendar feed" isPending={feed.isPending} error={feed.error} onRetry={() => void feed.refetch()}>
          {current ? (
            <Stack gap="xs">
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput label="Feed link" value={current.url} readOnly onFocus={(event) => event.currentTarget.select()} style={{ flex: 1, minWidth: 0 }} />
                <CopyButton value={current.url}>
                  {({ copied, copy }) => (
                    <Button variant="light" onClick={copy} color={copied ? 'teal' : undefined} aria-live="polite">
                      {copied ? 'Copied' : 'Copy link'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="xs" c="dimmed">
                Anyone with this link can see these dates: share it only with the people they belong to.
              </Text>
              {whileOn?.(current)}
              {canChange && (
                <Group gap="xs">
                  <Button variant="default" onClick={() => setConfirming('renew')}>
                    Make a new link
                  </Button>
                  <Button variant="subtle" color="red" onClick={() => setConfirming('turn-off')}>
                    Turn off
                  </Button>
                </Group>
              )}
            </Stack>
          ) : (
            <Stack gap="xs" align="flex-start">
              <Text size="sm" c="dimmed">
                The feed is off: no link works.
              </Text>
              {canChange && (
                <Button variant="light" loading={change.isPending} onClick={() => change.mutate('renew')}>
                  Make a link
                </Button>
              )}
            </Stack>
          )}
        </QueryState>
        {!confirming && <ProblemAlert error={change.error} title="Not changed" />}
      </Stack>
      {confirming && (
        <ConfirmChange
          change={confirming}
          pending={change.isPending}
          error={change.error}
          onConfirm={() => change.mutate(confirming, { onSuccess: () => setConfirming(null) })}
          onClose={() => setConfirming(null)}
        />
      )}
    </Paper>
  );
}

const wording: Record<Change, { title: string; text: string; keep: string; act: string }> = {
  renew: {
    title: 'Make a new link?',
    text: 'The current link stops working at once: calendars subscribed to it stop updating until they are given the new link.',
    keep: 'Keep the current link',
    act: 'Make a new link',
  },
  'turn-off': {
    title: 'Turn the calendar feed off?',
    text: 'The link stops working at once: calendars subscribed to it stop updating. You can make a new link later.',
    keep: 'Keep it on',
    act: 'Turn off',
  },
};

function ConfirmChange(props: { change: Change; pending: boolean; error: unknown; onConfirm: () => void; onClose: () => void }) {
  const words = wording[props.change];
  return (
    <Modal opened onClose={props.onClose} title={words.title} closeOnClickOutside={!props.pending}>
      <Stack>
        <Text size="sm">{words.text}</Text>
        <ProblemAlert error={props.error} title="Not changed" />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={props.pending}>
            {words.keep}
          </Button>
          <Button color={props.change === 'turn-off' ? 'red' : undefined} loading={props.pending} onClick={props.onConfirm}>
            {words.act}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
