import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  firstRealSessionDateOnOrAfter,
  isRealSessionDate,
  listSessionDates,
  realSessionDates,
  type SessionDate,
} from './session-dates.js';
import type { SessionDateException, SessionRecurrence } from './session-recurrence.js';

const date = Temporal.PlainDate.from;
const time = Temporal.PlainTime.from;
const timeZone = 'America/New_York';

function weekly(o: { weekdays: number[]; at: string; startsOn?: string; endsOn?: string }): SessionRecurrence {
  return {
    weekdays: o.weekdays,
    startTime: time(o.at),
    durationMinutes: 45,
    startsOn: date(o.startsOn ?? '2027-01-04'),
    endsOn: o.endsOn ? date(o.endsOn) : null,
  };
}

const beginnersTue = weekly({ weekdays: [2], at: '16:00', startsOn: '2027-01-05' });
const intermediateThu = weekly({ weekdays: [4], at: '17:00' });
const swimTeamSat = weekly({ weekdays: [6], at: '09:00' });
const range = (from: string, to: string) => ({ from: date(from), to: date(to) });
const march = range('2027-03-01', '2027-04-01');

const isoDates = (sessionDates: readonly SessionDate[]) => sessionDates.map((s) => s.date.toString());
/** The ISO dates listed for a recurrence without exceptions. */
const plainDates = (recurrence: SessionRecurrence, from: string, to: string) =>
  isoDates(listSessionDates({ recurrence, exceptions: [], timeZone, ...range(from, to) }));
const cancelled = (iso: string): SessionDateException => ({ kind: 'cancelled', date: date(iso), reason: 'Holiday' });

describe('listSessionDates', () => {
  it('lists the Tuesdays of March 2027 at 16:00 local', () => {
    const dates = listSessionDates({ recurrence: beginnersTue, exceptions: [], timeZone, ...march });

    expect(isoDates(dates)).toEqual(['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23', '2027-03-30']);
    for (const s of dates) {
      expect(s.status).toBe('scheduled');
      expect(s.originalDate.equals(s.date)).toBe(true);
      expect(s.startsAt.toPlainTime().toString()).toBe('16:00:00');
      expect(s.endsAt.toPlainTime().toString()).toBe('16:45:00');
      expect(s.startsAt.timeZoneId).toBe(timeZone);
    }
    // EST before 2027-03-14, EDT after: the instant moves so the wall clock does not.
    expect(dates[0]?.startsAt.toInstant().toString()).toBe('2027-03-02T21:00:00Z');
    expect(dates[2]?.startsAt.toInstant().toString()).toBe('2027-03-16T20:00:00Z');
  });

  it('E5: Swim Team Sat at 09:00 local maps to the right UTC hour on each side of DST', () => {
    const utcStarts = (from: string, to: string) =>
      listSessionDates({ recurrence: swimTeamSat, exceptions: [], timeZone, from: date(from), to: date(to) }).map(
        (s) => [s.date.toString(), s.startsAt.toPlainTime().toString(), s.startsAt.toInstant().toString()],
      );

    expect(utcStarts('2027-11-01', '2027-11-15')).toEqual([
      ['2027-11-06', '09:00:00', '2027-11-06T13:00:00Z'],
      ['2027-11-13', '09:00:00', '2027-11-13T14:00:00Z'],
    ]);
    expect(utcStarts('2027-03-10', '2027-03-21')).toEqual([
      ['2027-03-13', '09:00:00', '2027-03-13T14:00:00Z'],
      ['2027-03-20', '09:00:00', '2027-03-20T13:00:00Z'],
    ]);
  });

  it('sorts several weekdays by start', () => {
    const tueThu = weekly({ weekdays: [4, 2], at: '16:00' });
    expect(plainDates(tueThu, '2027-03-01', '2027-03-12')).toEqual([
      '2027-03-02',
      '2027-03-04',
      '2027-03-09',
      '2027-03-11',
    ]);
  });

  it('leaves out a cancelled date, or shows it as cancelled when asked', () => {
    const options = { recurrence: intermediateThu, exceptions: [cancelled('2027-03-25')], timeZone, ...march };

    expect(isoDates(listSessionDates(options))).toEqual(['2027-03-04', '2027-03-11', '2027-03-18']);
    const withCancelled = listSessionDates({ ...options, includeCancelled: true });
    expect(withCancelled.map((s) => [s.date.toString(), s.status])).toEqual([
      ['2027-03-04', 'scheduled'],
      ['2027-03-11', 'scheduled'],
      ['2027-03-18', 'scheduled'],
      ['2027-03-25', 'cancelled'],
    ]);
  });

  it('shows a moved date at its new date and time only', () => {
    const moved: SessionDateException = {
      kind: 'moved',
      date: date('2027-03-16'),
      toDate: date('2027-03-17'),
      toStartTime: time('17:30'),
    };
    const dates = listSessionDates({ recurrence: beginnersTue, exceptions: [moved], timeZone, ...march });

    expect(isoDates(dates)).toEqual(['2027-03-02', '2027-03-09', '2027-03-17', '2027-03-23', '2027-03-30']);
    const wednesday = dates[2];
    expect(wednesday?.status).toBe('moved');
    expect(wednesday?.originalDate.toString()).toBe('2027-03-16');
    expect(wednesday?.startsAt.toString()).toBe('2027-03-17T17:30:00-04:00[America/New_York]');
    expect(wednesday?.endsAt.toPlainTime().toString()).toBe('18:15:00');
  });

  it('keeps the usual start time when a move gives none', () => {
    const moved: SessionDateException = {
      kind: 'moved',
      date: date('2027-03-16'),
      toDate: date('2027-03-19'),
      toStartTime: null,
    };
    const [friday] = listSessionDates({
      recurrence: beginnersTue,
      exceptions: [moved],
      timeZone,
      ...range('2027-03-19', '2027-03-20'),
    });
    expect(friday?.startsAt.toPlainTime().toString()).toBe('16:00:00');
  });

  it('places a move across the range boundary in the range of its new date', () => {
    const moved: SessionDateException = {
      kind: 'moved',
      date: date('2027-03-30'),
      toDate: date('2027-04-01'),
      toStartTime: null,
    };
    const options = { recurrence: beginnersTue, exceptions: [moved], timeZone };

    expect(isoDates(listSessionDates({ ...options, ...march }))).not.toContain('2027-03-30');
    expect(isoDates(listSessionDates({ ...options, ...range('2027-04-01', '2027-04-08') }))).toEqual([
      '2027-04-01',
      '2027-04-06',
    ]);
  });

  it('ignores exceptions on dates the pattern does not produce', () => {
    const stale: SessionDateException[] = [
      { kind: 'moved', date: date('2027-03-17'), toDate: date('2027-03-18'), toStartTime: null }, // a Wednesday
      cancelled('2027-03-19'),
    ];
    const options = { recurrence: beginnersTue, exceptions: stale, timeZone, ...march };
    const dates = listSessionDates({ ...options, includeCancelled: true });
    expect(isoDates(dates)).toEqual(['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23', '2027-03-30']);
  });

  it('stops before endsOn (exclusive) and before to (exclusive)', () => {
    const term = weekly({ weekdays: [2], at: '16:00', endsOn: '2027-03-23' });
    expect(plainDates(term, '2027-03-01', '2027-04-01')).toEqual(['2027-03-02', '2027-03-09', '2027-03-16']);
    expect(plainDates(beginnersTue, '2027-03-01', '2027-03-16')).toEqual(['2027-03-02', '2027-03-09']);
  });

  it('starts at a mid-week startsOn, not at the beginning of its week', () => {
    const tueThu = weekly({ weekdays: [2, 4], at: '16:00', startsOn: '2027-03-10' });
    expect(plainDates(tueThu, '2027-03-01', '2027-03-19')).toEqual(['2027-03-11', '2027-03-16', '2027-03-18']);
  });

  it('returns nothing for an empty range', () => {
    expect(plainDates(beginnersTue, '2027-03-16', '2027-03-16')).toEqual([]);
  });

  it('refuses an invalid recurrence', () => {
    expect(() =>
      listSessionDates({ recurrence: { ...beginnersTue, weekdays: [] }, exceptions: [], timeZone, ...march }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('real session dates', () => {
  const e2 = { recurrence: intermediateThu, exceptions: [cancelled('2027-03-25')], timeZone };
  const first = (o: Parameters<typeof firstRealSessionDateOnOrAfter>[0]) =>
    firstRealSessionDateOnOrAfter(o)?.toString();

  it('realSessionDates gives the dates that really happen', () => {
    expect(realSessionDates({ ...e2, ...march }).map(String)).toEqual(['2027-03-04', '2027-03-11', '2027-03-18']);
  });

  it('counts a date once when a move lands on another session date', () => {
    const moved: SessionDateException = {
      kind: 'moved',
      date: date('2027-03-09'),
      toDate: date('2027-03-16'),
      toStartTime: time('17:00'),
    };
    const dates = realSessionDates({ recurrence: beginnersTue, exceptions: [moved], timeZone, ...march });
    expect(dates.map(String)).toEqual(['2027-03-02', '2027-03-16', '2027-03-23', '2027-03-30']);
  });

  /** Arbitrary dates in the first five months of 2027, and cancellations and moves among them. */
  const day = fc.integer({ min: 0, max: 150 }).map((n) => date('2027-01-01').add({ days: n }));
  const exception = fc.oneof(
    day.map((d): SessionDateException => ({ kind: 'cancelled', date: d })),
    fc.tuple(day, day, fc.option(fc.constantFrom('00:30', '02:30', '23:45'))).map(
      ([d, to, at]): SessionDateException => ({ kind: 'moved', date: d, toDate: to, toStartTime: at ? time(at) : null }),
    ),
  );

  it('are the distinct dates of the zoned listing, in its order, for any pattern and exceptions', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('00:15', '02:30', '16:00'),
        fc.array(exception, { maxLength: 8 }),
        fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Lord_Howe'),
        day,
        fc.integer({ min: 0, max: 60 }),
        (weekdays, at, exceptions, zone, from, days) => {
          const schedule = { recurrence: weekly({ weekdays, at, startsOn: '2027-01-01' }), exceptions, timeZone: zone };
          const window = { from, to: from.add({ days }) };
          const zoned = [...new Set(isoDates(listSessionDates({ ...schedule, ...window })))];
          expect(realSessionDates({ ...schedule, ...window }).map(String)).toEqual(zoned);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('match a day-by-day walk of the calendar, for any pattern, exceptions, zone and range', () => {
    /** The rules read literally: every day of the range, the last exception of a date wins. */
    const walk = (schedule: { recurrence: SessionRecurrence; exceptions: SessionDateException[]; timeZone: string }, from: Temporal.PlainDate, to: Temporal.PlainDate, includeCancelled: boolean) => {
      const { recurrence, timeZone: zone } = schedule;
      const last = new Map(schedule.exceptions.map((e) => [e.date.toString(), e]));
      const produces = (d: Temporal.PlainDate) =>
        recurrence.weekdays.includes(d.dayOfWeek) &&
        Temporal.PlainDate.compare(d, recurrence.startsOn) >= 0 &&
        (recurrence.endsOn === null || Temporal.PlainDate.compare(d, recurrence.endsOn) < 0);
      const at = (d: Temporal.PlainDate, t: Temporal.PlainTime) => d.toZonedDateTime({ timeZone: zone, plainTime: t }).toInstant().toString();
      const out: string[] = [];
      for (let d = from; Temporal.PlainDate.compare(d, to) < 0; d = d.add({ days: 1 })) {
        const e = last.get(d.toString());
        if (produces(d) && !e) out.push(`${d} ${d} scheduled ${at(d, recurrence.startTime)}`);
        if (produces(d) && e?.kind === 'cancelled' && includeCancelled) out.push(`${d} ${d} cancelled ${at(d, recurrence.startTime)}`);
      }
      for (const e of last.values()) {
        if (e.kind !== 'moved' || !produces(e.date)) continue;
        if (Temporal.PlainDate.compare(e.toDate, from) < 0 || Temporal.PlainDate.compare(e.toDate, to) >= 0) continue;
        out.push(`${e.toDate} ${e.date} moved ${at(e.toDate, e.toStartTime ?? recurrence.startTime)}`);
      }
      return out.sort();
    };
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('00:15', '02:30', '16:00'),
        fc.array(exception, { maxLength: 8 }),
        fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata'),
        day,
        fc.integer({ min: 0, max: 70 }),
        fc.option(fc.integer({ min: 1, max: 120 })),
        fc.boolean(),
        (weekdays, at, exceptions, zone, from, days, endsAfter, includeCancelled) => {
          const recurrence = {
            ...weekly({ weekdays, at, startsOn: '2027-01-10' }),
            endsOn: endsAfter === null ? null : date('2027-01-10').add({ days: endsAfter }),
          };
          const schedule = { recurrence, exceptions, timeZone: zone };
          const to = from.add({ days });
          const listed = listSessionDates({ ...schedule, from, to, includeCancelled }).map(
            (s) => `${s.date} ${s.originalDate} ${s.status} ${s.startsAt.toInstant().toString()}`,
          );
          expect([...listed].sort()).toEqual(walk(schedule, from, to, includeCancelled));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('isRealSessionDate: not a cancelled date, not a moved-away date, yes a moved-to date', () => {
    const moved: SessionDateException = {
      kind: 'moved',
      date: date('2027-03-11'),
      toDate: date('2027-03-12'),
      toStartTime: null,
    };
    const options = { ...e2, exceptions: [...e2.exceptions, moved] };
    const real = (iso: string) => isRealSessionDate({ ...options, date: date(iso) });

    expect(real('2027-03-18')).toBe(true);
    expect(real('2027-03-25')).toBe(false);
    expect(real('2027-03-11')).toBe(false);
    expect(real('2027-03-12')).toBe(true);
    expect(real('2027-03-17')).toBe(false);
  });

  it('E1: the first Thursday on or after the transfer date 2027-03-16 is 2027-03-18', () => {
    expect(first({ ...e2, date: date('2027-03-16') })).toBe('2027-03-18');
    expect(first({ ...e2, date: date('2027-03-18') })).toBe('2027-03-18');
  });

  it('skips a cancelled date when finding the first one', () => {
    expect(first({ ...e2, date: date('2027-03-19') })).toBe('2027-04-01');
  });

  it('finds none after the session has ended or beyond the horizon', () => {
    const ended = { ...e2, recurrence: { ...intermediateThu, endsOn: date('2027-03-19') } };
    expect(first({ ...ended, date: date('2027-03-19') })).toBeUndefined();
    expect(first({ ...e2, date: date('2027-03-19'), horizonDays: 13 })).toBeUndefined();
    expect(first({ ...e2, date: date('2027-03-19'), horizonDays: 14 })).toBe('2027-04-01');
  });
});
