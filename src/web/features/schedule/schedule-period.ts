import { Temporal } from 'temporal-polyfill';
import { todayIn } from '../../shared/format/dates';
import type { ScheduleFilters } from './api/schedule-api';
import { weekAround } from '../../../domain/schedule/schedule-week';

export type ScheduleView = 'timeGridWeek' | 'timeGridDay';

/** What the schedule's address asks for: the view, a local date inside the period, the filters. */
export interface ScheduleSearch {
  view: ScheduleView;
  date: string;
  filters: ScheduleFilters;
}

export function readScheduleSearch(params: URLSearchParams, timeZone: string): ScheduleSearch {
  return {
    view: params.get('view') === 'timeGridDay' ? 'timeGridDay' : 'timeGridWeek',
    date: params.get('date') ?? todayIn(timeZone),
    filters: {
      locationId: params.get('locationId') ?? undefined,
      instructorId: params.get('instructorId') ?? undefined,
      serviceId: params.get('serviceId') ?? undefined,
    },
  };
}

/**
 * The local dates [from, to) the calendar shows for a view around a date: the day, or the week
 * from Monday (the calendar's first day). The same range the calendar reports once it is drawn,
 * so the session dates can be asked for before it is; null for a date that is not one.
 */
export function schedulePeriod(view: ScheduleView, date: string): { from: string; to: string } | null {
  let day: Temporal.PlainDate;
  try {
    day = Temporal.PlainDate.from(date, { overflow: 'reject' });
  } catch {
    return null;
  }
  const { from, to } = view === 'timeGridDay' ? { from: day, to: day.add({ days: 1 }) } : weekAround(day);
  return { from: from.toString(), to: to.toString() };
}
