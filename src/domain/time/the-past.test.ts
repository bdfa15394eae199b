import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { caughtAppError } from '../testing/caught-app-error.js';
import { assertMayReachBack, assertNotInFuture, reachesBack } from './the-past.js';

const date = Temporal.PlainDate.from;
const today = date('2027-03-20');
const locale = 'en-US';

describe('reachesBack', () => {
  it('is the earliest date before today, with its field; null when every date is today or later', () => {
    const dates = [
      { date: date('2027-03-23'), field: 'body.transferDate' },
      { date: date('2027-03-16'), field: 'body.oldEndsOn' },
      { date: date('2027-03-18'), field: 'body.firstSessionDate' },
    ];
    expect(reachesBack({ dates, today })).toEqual({ date: date('2027-03-16'), field: 'body.oldEndsOn' });
    expect(reachesBack({ dates: [{ date: today, field: 'body.date' }], today })).toBeNull();
    expect(reachesBack({ dates: [], today })).toBeNull();
  });
});

describe('assertMayReachBack (E11)', () => {
  const reached = { date: date('2027-03-16'), field: 'body.oldEndsOn' };

  it('refuses front desk, naming the earliest date and that a manager can', () => {
    const error = caughtAppError(() => assertMayReachBack({ actor: { role: 'front_desk' }, reached, today, locale, change: 'This transfer' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(
      'This transfer reaches back to Tue, Mar 16, 2027, before today (Sat, Mar 20, 2027). ' +
        'Only a manager can back-date: ask a manager, or choose dates from today on.',
    );
    expect(error.fields).toEqual([{ field: 'body.oldEndsOn', message: 'before today: a manager can back-date' }]);
    expect(error.facts).toEqual({ earliestDate: '2027-03-16' });
  });

  it('lets a manager or the owner, and anyone when nothing reaches back', () => {
    for (const role of ['manager', 'owner'] as const) {
      expect(() => assertMayReachBack({ actor: { role }, reached, today, locale, change: 'This transfer' })).not.toThrow();
    }
    expect(() => assertMayReachBack({ actor: { role: 'front_desk' }, reached: null, today, locale, change: 'x' })).not.toThrow();
  });
});

describe('assertNotInFuture (E11)', () => {
  it('refuses attendance for 2027-03-23 on 2027-03-20, and takes today and earlier', () => {
    const error = caughtAppError(() => assertNotInFuture({ date: date('2027-03-23'), today, locale, field: 'body.date' }));
    expect(error.code).toBe('DATE_IN_FUTURE');
    expect(error.message).toBe('Attendance for Tue, Mar 23, 2027 can be recorded from that day on; today is Sat, Mar 20, 2027.');
    expect(() => assertNotInFuture({ date: today, today, locale, field: 'body.date' })).not.toThrow();
    expect(() => assertNotInFuture({ date: date('2027-03-16'), today, locale, field: 'body.date' })).not.toThrow();
  });
});
