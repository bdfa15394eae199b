import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { nextEnrolledDates } from './next-dates.js';

const date = Temporal.PlainDate.from;
const beginnersTue = {
  recurrence: { weekdays: [2], startTime: Temporal.PlainTime.from('16:00'), durationMinutes: 45, startsOn: date('2027-01-05'), endsOn: null },
  timeZone: 'America/New_York',
};
const shown = (dates: ReturnType<typeof nextEnrolledDates>) => dates.map((d) => `${d.date} ${d.startsAt.toPlainTime().toString({ smallestUnit: 'minute' })} ${d.status}`);

describe('nextEnrolledDates', () => {
  it('lists the next dates from today, the cancelled one as cancelled and the moved one at its new date and time', () => {
    const dates = nextEnrolledDates({
      ...beginnersTue,
      exceptions: [
        { kind: 'cancelled', date: date('2027-03-23') },
        { kind: 'moved', date: date('2027-03-30'), toDate: date('2027-03-31'), toStartTime: Temporal.PlainTime.from('17:30') },
      ],
      period: { startsOn: date('2027-01-05'), endsOn: null },
      today: date('2027-03-16'),
      count: 4,
    });
    expect(shown(dates)).toEqual(['2027-03-16 16:00 scheduled', '2027-03-23 16:00 cancelled', '2027-03-31 17:30 moved', '2027-04-06 16:00 scheduled']);
  });

  it('starts at a later enrollment start and stops before its end (exclusive)', () => {
    const dates = nextEnrolledDates({ ...beginnersTue, exceptions: [], period: { startsOn: date('2027-04-01'), endsOn: date('2027-04-20') }, today: date('2027-03-16'), count: 8 });
    expect(shown(dates)).toEqual(['2027-04-06 16:00 scheduled', '2027-04-13 16:00 scheduled']);
  });

  it('keeps 16:00 local across the change to daylight saving time, and lists none for an ended enrollment', () => {
    const dates = nextEnrolledDates({ ...beginnersTue, exceptions: [], period: { startsOn: date('2027-01-05'), endsOn: null }, today: date('2027-03-09'), count: 2 });
    expect(dates.map((d) => d.startsAt.toInstant().toString())).toEqual(['2027-03-09T21:00:00Z', '2027-03-16T20:00:00Z']);
    expect(nextEnrolledDates({ ...beginnersTue, exceptions: [], period: { startsOn: date('2027-01-05'), endsOn: date('2027-03-01') }, today: date('2027-03-09'), count: 8 })).toEqual([]);
  });
});
