import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { assertValidRecurrence, isRecurrenceDate, type SessionRecurrence } from './session-recurrence.js';

const date = Temporal.PlainDate.from;

const beginnersTue: SessionRecurrence = {
  weekdays: [2],
  startTime: Temporal.PlainTime.from('16:00'),
  durationMinutes: 45,
  startsOn: date('2027-01-05'),
  endsOn: date('2027-06-01'),
};

describe('assertValidRecurrence', () => {
  it('accepts a well-formed weekly pattern', () => {
    expect(() => assertValidRecurrence({ recurrence: beginnersTue })).not.toThrow();
  });

  it.each([[[]], [[0]], [[8]], [[2, 1.5]]])('refuses weekdays %j, naming the field', (weekdays) => {
    expect(() => assertValidRecurrence({ recurrence: { ...beginnersTue, weekdays } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', fields: [{ field: 'body.weekdays', message: 'choose at least one weekday' }] }),
    );
  });

  it.each([0, -30, 22.5])('refuses a duration of %d minutes', (durationMinutes) => {
    expect(() => assertValidRecurrence({ recurrence: { ...beginnersTue, durationMinutes } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'body.durationMinutes' })] }),
    );
  });

  it('refuses an end on or before the start, and says both dates', () => {
    expect(() => assertValidRecurrence({ recurrence: { ...beginnersTue, endsOn: date('2027-01-05') } })).toThrow(
      expect.objectContaining({
        code: 'INVALID_DATE_RANGE',
        message: expect.stringContaining('its end (2027-01-05) is not after its start (2027-01-05)'),
      }),
    );
  });
});

describe('isRecurrenceDate', () => {
  it('is true only on the weekdays within [startsOn, endsOn)', () => {
    const on = (iso: string) => isRecurrenceDate({ recurrence: beginnersTue, date: date(iso) });
    expect(on('2027-01-05')).toBe(true); // first Tuesday, startsOn inclusive
    expect(on('2027-03-16')).toBe(true);
    expect(on('2027-03-17')).toBe(false); // a Wednesday
    expect(on('2026-12-29')).toBe(false); // a Tuesday before the start
    expect(on('2027-05-25')).toBe(true); // last Tuesday before the end
    expect(on('2027-06-01')).toBe(false); // endsOn is exclusive
  });
});
