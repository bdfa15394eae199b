import { Container, Stack, Text, Title } from '@mantine/core';
import { CalendarFeedCard } from '../../features/calendar-feeds/components/calendar-feed-card';
import { addToCalendarApp, CalendarHowTo } from '../../features/calendar-feeds/components/calendar-how-to';

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
          whileOn={addToCalendarApp}
        />
        <CalendarHowTo />
      </Stack>
    </Container>
  );
}
