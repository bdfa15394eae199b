import { http } from '../../../api/http';
import type { ScheduleDto, ScheduleRequest } from '../../../api/types';

/** What the schedule can be narrowed to: one location, instructor or service. */
export type ScheduleFilters = Pick<ScheduleRequest, 'locationId' | 'instructorId' | 'serviceId'>;

/** Session dates in [from, to) (local dates, at most 62 days) with enrolled count and capacity. */
export function fetchSchedule(query: ScheduleRequest) {
  return http.get<ScheduleDto>('/api/schedule', { ...query });
}
