import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { caughtAppError } from '../testing/caught-app-error.js';
import { assertKeepsAttendedDates } from './attended-dates.js';

const date = Temporal.PlainDate.from;
const base = { sessionName: 'Beginners Tue', locale: 'en-US', field: 'body.date' };

describe('assertKeepsAttendedDates', () => {
  it('refuses an end on or before attended dates, naming them all and the date to choose after', () => {
    const attended = [date('2027-03-23'), date('2027-03-09'), date('2027-03-16')];
    const error = caughtAppError(() => assertKeepsAttendedDates({ ...base, attended, endsOn: date('2027-03-16') }));
    expect(error.code).toBe('ATTENDANCE_RECORDED');
    expect(error.message).toBe(
      'Attendance is recorded in Beginners Tue on Tue, Mar 16, 2027; Tue, Mar 23, 2027; the client cannot be taken off those dates. ' +
        'Choose a date after Tue, Mar 23, 2027.',
    );
    expect(error.facts).toEqual({ attendedDates: ['2027-03-16', '2027-03-23'] });
  });

  it('allows an end after every attended date (the end is exclusive)', () => {
    expect(() => assertKeepsAttendedDates({ ...base, attended: [date('2027-03-16')], endsOn: date('2027-03-17') })).not.toThrow();
    expect(() => assertKeepsAttendedDates({ ...base, attended: [], endsOn: date('2027-01-05') })).not.toThrow();
  });
});
