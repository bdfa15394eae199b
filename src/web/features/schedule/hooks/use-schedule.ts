import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { fetchSchedule, type ScheduleFilters } from '../api/schedule-api';

/** One period's session dates; the page and the start-up prefetch use the same key, so it is fetched once. */
export function scheduleQuery(range: { from: string; to: string } | null, filters: ScheduleFilters) {
  const query = { from: range?.from ?? '', to: range?.to ?? '', ...filters };
  return queryOptions({
    queryKey: queryKeys.schedule(query),
    queryFn: () => fetchSchedule(query),
    enabled: range !== null,
  });
}

export function useSchedule(range: { from: string; to: string } | null, filters: ScheduleFilters) {
  return useQuery({
    ...scheduleQuery(range, filters),
    // Keep last week's sessions on screen while the next week loads, instead of an empty grid.
    placeholderData: keepPreviousData,
  });
}
