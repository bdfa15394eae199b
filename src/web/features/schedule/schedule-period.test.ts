import { describe, expect, it } from 'vitest';
import { readScheduleSearch, schedulePeriod } from './schedule-period';

describe('schedulePeriod', () => {
  it('is the week from Monday to the next Monday, for every day of the week', () => {
    for (const date of ['2026-11-23', '2026-11-25', '2026-11-29']) {
      expect(schedulePeriod('timeGridWeek', date)).toEqual({ from: '2026-11-23', to: '2026-11-30' });
    }
  });

  it('crosses months, years and the daylight-saving change', () => {
    expect(schedulePeriod('timeGridWeek', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-04' });
    expect(schedulePeriod('timeGridWeek', '2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-09' });
  });

  it('is the one day in the day view', () => {
    expect(schedulePeriod('timeGridDay', '2026-02-28')).toEqual({ from: '2026-02-28', to: '2026-03-01' });
  });

  it('is null for a date that is not one', () => {
    expect(schedulePeriod('timeGridWeek', 'tomorrow')).toBeNull();
    expect(schedulePeriod('timeGridWeek', '2026-02-30')).toBeNull();
  });
});

describe('readScheduleSearch', () => {
  it('reads the view, date and filters of the address', () => {
    const params = new URLSearchParams('view=timeGridDay&date=2026-11-25&locationId=l1');
    expect(readScheduleSearch(params, 'America/New_York')).toEqual({
      view: 'timeGridDay',
      date: '2026-11-25',
      filters: { locationId: 'l1', instructorId: undefined, serviceId: undefined },
    });
  });

  it('is this week in the organization’s zone when the address names none', () => {
    const search = readScheduleSearch(new URLSearchParams(), 'Pacific/Kiritimati');
    expect(search.view).toBe('timeGridWeek');
    expect(search.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
