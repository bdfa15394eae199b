import { Anchor, Button, List, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';

/** How to add a feed link to the common calendar apps, in a few steps each. */
export function CalendarHowTo() {
  const headingId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        How to add it
      </Title>
      <List spacing="xs" size="sm">
        <List.Item>
          <b>iPhone or iPad:</b> tap <i>Add to my calendar app</i>, then <i>Subscribe</i>. Or copy the link and go to Settings → Calendar →
          Accounts → Add Account → Other → Add Subscribed Calendar, and paste it.
        </List.Item>
        <List.Item>
          <b>Android (Google Calendar):</b> copy the link; on a computer open{' '}
          <Anchor href="https://calendar.google.com" target="_blank" rel="noreferrer">
            calendar.google.com
          </Anchor>
          , choose + beside <i>Other calendars</i> → <i>From URL</i>, paste it and choose <i>Add calendar</i>. It shows on your phone after
          the next sync.
        </List.Item>
        <List.Item>
          <b>Outlook:</b> Add calendar → Subscribe from web, and paste the link.
        </List.Item>
      </List>
      <Text size="sm" c="dimmed">
        Calendar apps look for changes every few hours, so a change can take that long to show.
      </Text>
    </Stack>
  );
}

/** The feed's webcal:// link: a phone opens it in its calendar app, which offers to subscribe. */
export function addToCalendarApp(feed: { webcalUrl: string }) {
  return (
    <Button component="a" href={feed.webcalUrl} variant="filled" style={{ alignSelf: 'flex-start' }}>
      Add to my calendar app
    </Button>
  );
}
