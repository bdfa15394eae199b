import { Stack, Text, Title } from '@mantine/core';
import { CalendarFeedCard } from '../../features/calendar-feeds/components/calendar-feed-card';
import { addToCalendarApp, CalendarHowTo } from '../../features/calendar-feeds/components/calendar-how-to';

/**
 * The family portal's "Sync my calendar": the family's private feed link, a webcal:// link that
 * phones open in their calendar app, and how to add it by hand; one of the portal's screens,
 * inside the portal's frame, for a guardian's login only.
 */
export function CalendarFeedPage() {
  return (
    <Stack gap="md">
        <Title order={2} size="h3">
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
          headingOrder={3}
          whileOn={addToCalendarApp}
        />
        <CalendarHowTo />
    </Stack>
  );
}
