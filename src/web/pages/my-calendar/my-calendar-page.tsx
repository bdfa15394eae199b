import { Stack, Text, Title } from '@mantine/core';
import { CalendarFeedCard } from '../../features/calendar-feeds/components/calendar-feed-card';
import { addToCalendarApp, CalendarHowTo } from '../../features/calendar-feeds/components/calendar-how-to';

/** An instructor's own calendar feed: the dates of the sessions they teach, in their phone's calendar. */
export function MyCalendarPage() {
  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>My calendar</Title>
      <Text>
        The sessions you teach in your phone's or computer's calendar: every date with how many are enrolled, moved dates at their new time,
        cancelled dates marked as cancelled.
      </Text>
      <CalendarFeedCard
        owner={{ kind: 'own-instructor' }}
        description="Your private link. Make a new link if it was shared with someone it should not have been: the old one stops working."
        canChange
        whileOn={addToCalendarApp}
      />
      <CalendarHowTo />
    </Stack>
  );
}
