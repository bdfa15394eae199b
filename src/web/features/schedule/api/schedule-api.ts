import { http } from '../../../api/http';
import type { ScheduleDto } from '../../../api/types';

export interface ScheduleFilters {
  locationId?: string;
  instructorId?: string;
  serviceId?: string;
}

/** Session dates in [from, to) (local dates, at most 62 days) with enrolled count and capacity. */
export function fetchSchedule(query: { from: string; to: string } & ScheduleFilters) {
  return http.get<ScheduleDto>('/api/schedule', { ...query });
}
