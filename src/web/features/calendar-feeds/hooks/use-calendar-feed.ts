import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarFeedKey, calendarFeedsApi, type CalendarFeedDto, type CalendarFeedOwner } from '../api/calendar-feeds-api';

export function useCalendarFeed(owner: CalendarFeedOwner) {
  return useQuery({ queryKey: calendarFeedKey(owner), queryFn: () => calendarFeedsApi.show(owner), retry: false });
}

/** Make a new address (the old one stops working) or turn the feed off; the answer is the feed as it now is. */
export function useChangeCalendarFeed(owner: CalendarFeedOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: 'renew' | 'turn-off') => (change === 'renew' ? calendarFeedsApi.renew(owner) : calendarFeedsApi.turnOff(owner)),
    onSuccess: (feed: CalendarFeedDto) => queryClient.setQueryData(calendarFeedKey(owner), feed),
  });
}
