import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { fetchSchedule, type ScheduleFilters } from '../api/schedule-api';

export function useSchedule(range: { from: string; to: string } | null, filters: ScheduleFilters) {
  const query = { from: range?.from ?? '', to: range?.to ?? '', ...filters };
  return useQuery({
    queryKey: queryKeys.schedule(query),
    queryFn: () => fetchSchedule(query),
    enabled: range !== null,
    // Keep last week's sessions on screen while the next week loads, instead of an empty grid.
    placeholderData: keepPreviousData,
  });
}
