import { Anchor, Button, Container, List, Stack, Text, Title } from '@mantine/core';
import { CalendarFeedCard } from '../../features/calendar-feeds/components/calendar-feed-card';

/**
 * The family portal's "Sync my calendar": the family's private feed link, a webcal:// link that
 * phones open in their calendar app, and how to add it by hand. Stands on its own (no staff
 * navigation): a guardian's login reaches it, a staff login is told the portal is for guardians.
 */
export function CalendarFeedPage() {
  return (
    <Container size="sm" py="md" component="main">
      <Stack gap="md">
        <Title order={1} size="h2">
          Sync my calendar
        </Title>
        <Text>
          Your children's classes in your phone's or computer's calendar: every session date, moved dates at their new time, cancelled
          dates marked as cancelled. Your calendar app keeps it up to date.
        </Text>
        <CalendarFeedCard
          owner={{ kind: 'portal' }}
          description="Your family's private link. Make a new link if it was shared with someone it should not have been: the old one stops working."
          canChange
          headingOrder={2}
          whileOn={(feed) => (
            <Button component="a" href={feed.webcalUrl} variant="filled" style={{ alignSelf: 'flex-start' }}>
              Add to my calendar app
            </Button>
          )}
        />
        <Stack gap="xs" component="section" aria-labelledby="calendar-how-to">
          <Title order={2} size="h4" id="calendar-how-to">
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
      </Stack>
    </Container>
  );
}
