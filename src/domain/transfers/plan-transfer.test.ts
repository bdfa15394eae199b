import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { caughtAppError } from '../testing/caught-app-error.js';
import { planTransfer, type EnrolledPeriod, type OtherEnrollment, type PlanTransferOptions } from './plan-transfer.js';
import {
  beginnersTue,
  cancelled,
  date,
  intermediateThu,
  intermediateThuE2,
  maya,
  swimTeamSat,
  weekly,
} from './testing/riverside.js';

/** E1: staff click Tuesday 2027-03-16 beside Maya and choose Intermediate Thu, on that very day. */
function e1(overrides: Partial<PlanTransferOptions> = {}): PlanTransferOptions {
  return {
    ...maya,
    transferDate: date('2027-03-16'),
    target: intermediateThu,
    targetEnrollments: [],
    otherEnrollments: [],
    today: date('2027-03-16'),
    locale: 'en-US',
    ...overrides,
  };
}

const others = (count: number, startsOn = '2027-01-07', endsOn: string | null = null): EnrolledPeriod[] =>
  Array.from({ length: count }, (_, i) => ({
    clientId: `client-${i}`,
    period: { startsOn: date(startsOn), endsOn: endsOn === null ? null : date(endsOn) },
  }));

describe('planTransfer', () => {
  it('E1: ends the old subscription on the transfer date and starts on the first Thursday on or after it', () => {
    const plan = planTransfer(e1());
    expect(plan.transferDate.toString()).toBe('2027-03-16');
    expect(plan.oldEndsOn.toString()).toBe('2027-03-16');
    expect(plan.firstSessionDate.toString()).toBe('2027-03-18');
    expect(plan.warnings).toEqual([]);
    expect(plan.capacityOverridden).toBe(false);
  });

  it('E2: a cancelled Thursday after the first date does not change the defaults', () => {
    expect(planTransfer(e1({ target: intermediateThuE2 })).firstSessionDate.toString()).toBe('2027-03-18');
  });

  it('defaults past a cancelled Thursday to the next real one', () => {
    const target = { ...intermediateThu, schedule: { ...intermediateThu.schedule, exceptions: [cancelled('2027-03-18')] } };
    expect(planTransfer(e1({ target })).firstSessionDate.toString()).toBe('2027-03-25');
  });

  it('takes the first session date and old end staff chose', () => {
    const plan = planTransfer(e1({ firstSessionDate: date('2027-04-01'), oldEndsOn: date('2027-03-30') }));
    expect([plan.oldEndsOn.toString(), plan.firstSessionDate.toString()]).toEqual(['2027-03-30', '2027-04-01']);
  });

  it('accepts an old end earlier than the transfer date, even the first date (the old enrollment then covers nothing)', () => {
    expect(planTransfer(e1({ oldEndsOn: date('2027-03-09') })).oldEndsOn.toString()).toBe('2027-03-09');
    expect(planTransfer(e1({ oldEndsOn: date('2027-01-05') })).oldEndsOn.toString()).toBe('2027-01-05');
  });

  describe('refuses', () => {
    it('INVALID_DATE_RANGE: a first date before the start of the enrollment being moved (the reliability suite’s D1)', () => {
      // Maya's Intermediate Thu enrollment began on 2027-03-18 (after a transfer from Beginners Tue,
      // which runs until 2027-03-16); a move of it to Swim Team Sat from 2027-03-06 would overlap Beginners Tue.
      const current = { ...maya.current, session: intermediateThu, period: { startsOn: date('2027-03-18'), endsOn: null } };
      const error = caughtAppError(() =>
        planTransfer(e1({ current, target: swimTeamSat, transferDate: date('2027-03-18'), firstSessionDate: date('2027-03-06') })),
      );
      expect(error.code).toBe('INVALID_DATE_RANGE');
      expect(error.message).toBe(
        'The new enrollment cannot start before the Intermediate Thu enrollment it replaces did (Thu, Mar 18, 2027); ' +
          'choose a first date on or after it, or enroll the client separately.',
      );
      expect(error.fields).toEqual([{ field: 'body.firstSessionDate', message: 'on or after Thu, Mar 18, 2027' }]);
    });

    it('ENDED_BY_TRANSFER (E12): an enrollment a standing transfer ended, from any date', () => {
      const current = { ...maya.current, endedByTransfer: { transferDate: date('2027-03-16') }, period: { startsOn: date('2027-01-05'), endsOn: date('2027-03-16') } };
      const error = caughtAppError(() => planTransfer(e1({ current, transferDate: date('2027-03-09') })));
      expect(error.code).toBe('ENDED_BY_TRANSFER');
      expect(error.message).toBe('This enrollment in Beginners Tue was ended by a transfer on Tue, Mar 16, 2027; undo that transfer first.');
      expect(error.fields).toEqual([{ field: 'body.subscriptionId', message: 'ended by a transfer' }]);
    });

    it('ATTENDANCE_RECORDED (E11): an old end that would take the client off a date with attendance', () => {
      const current = { ...maya.current, attendedDates: [date('2027-03-09'), date('2027-03-16')] };
      const error = caughtAppError(() => planTransfer(e1({ current, transferDate: date('2027-03-23'), oldEndsOn: date('2027-03-16') })));
      expect(error.code).toBe('ATTENDANCE_RECORDED');
      expect(error.message).toBe(
        'Attendance is recorded in Beginners Tue on Tue, Mar 16, 2027; the client cannot be taken off that date. Choose a date after Tue, Mar 16, 2027.',
      );
      expect(error.fields).toEqual([{ field: 'body.oldEndsOn', message: 'after Tue, Mar 16, 2027: attendance is recorded' }]);
      // Ending after the attended dates keeps them: allowed.
      expect(planTransfer(e1({ current, transferDate: date('2027-03-23') })).oldEndsOn.toString()).toBe('2027-03-23');
    });

    it('SAME_SESSION: the target is the current session', () => {
      const error = caughtAppError(() => planTransfer(e1({ target: beginnersTue })));
      expect(error.code).toBe('SAME_SESSION');
      expect(error.message).toBe(
        'The client is already in Beginners Tue; choose a different session to transfer to.',
      );
      expect(error.fields).toEqual([{ field: 'body.targetSessionId', message: 'the client is already in this session' }]);
    });

    it('NOT_ENROLLED_ON_DATE: the current subscription is void', () => {
      const error = caughtAppError(() => planTransfer(e1({ current: { ...maya.current, status: 'void' } })));
      expect(error.code).toBe('NOT_ENROLLED_ON_DATE');
      expect(error.message).toContain('This enrollment in Beginners Tue was cancelled');
      expect(error.fields.map((f) => f.field)).toEqual(['body.subscriptionId']);
    });

    it('NOT_ENROLLED_ON_DATE: the transfer date is not a session date, suggesting the next one', () => {
      const error = caughtAppError(() => planTransfer(e1({ transferDate: date('2027-03-17') })));
      expect(error.code).toBe('NOT_ENROLLED_ON_DATE');
      expect(error.message).toBe(
        'The client is not enrolled in Beginners Tue on Wed, Mar 17, 2027; ' +
          'pick one of the session dates of this enrollment from Tue, Jan 5, 2027, such as Tue, Mar 23, 2027.',
      );
      expect(error.fields).toEqual([{ field: 'body.transferDate', message: 'not enrolled in Beginners Tue on this date' }]);
      expect(error.facts).toEqual({ suggestedDate: '2027-03-23' });
    });

    it('NOT_ENROLLED_ON_DATE: the transfer date is cancelled, or outside the current period', () => {
      const withHoliday = { ...beginnersTue, schedule: { ...beginnersTue.schedule, exceptions: [cancelled('2027-03-16')] } };
      const holiday = caughtAppError(() => planTransfer(e1({ current: { ...maya.current, session: withHoliday } })));
      expect(holiday.code).toBe('NOT_ENROLLED_ON_DATE');
      expect(holiday.fields.map((f) => f.field)).toEqual(['body.transferDate']);
      expect(holiday.facts).toEqual({ suggestedDate: '2027-03-23' });

      const ended = { ...maya.current, period: { startsOn: date('2027-01-05'), endsOn: date('2027-03-16') } };
      const afterEnd = caughtAppError(() => planTransfer(e1({ current: ended })));
      expect(afterEnd.code).toBe('NOT_ENROLLED_ON_DATE');
      expect(afterEnd.message).toContain('from Tue, Jan 5, 2027 until Tue, Mar 16, 2027.');
      expect(afterEnd.facts).toEqual({});
    });

    it('INVALID_END_DATE: the old end is not one of the subscription’s session dates', () => {
      const error = caughtAppError(() => planTransfer(e1({ oldEndsOn: date('2027-03-18') })));
      expect(error.code).toBe('INVALID_END_DATE');
      expect(error.message).toBe(
        "Thu, Mar 18, 2027 is not a session date of the client's Beginners Tue enrollment; " +
          'pick one of its dates from Tue, Jan 5, 2027, such as Tue, Mar 23, 2027.',
      );
      expect(error.fields).toEqual([{ field: 'body.oldEndsOn', message: 'not a session date of this enrollment' }]);
      expect(error.facts).toEqual({ suggestedDate: '2027-03-23' });
    });

    it('INVALID_END_DATE: the old end is before the subscription started', () => {
      const error = caughtAppError(() => planTransfer(e1({ oldEndsOn: date('2026-12-29') })));
      expect(error.code).toBe('INVALID_END_DATE');
      expect(error.fields.map((f) => f.field)).toEqual(['body.oldEndsOn']);
      expect(error.facts).toEqual({ suggestedDate: '2027-01-05' });
    });

    it('INVALID_END_DATE: the old end is on or after the end the subscription already has', () => {
      const current = { ...maya.current, period: { startsOn: date('2027-01-05'), endsOn: date('2027-03-30') } };
      const error = caughtAppError(() => planTransfer(e1({ current, oldEndsOn: date('2027-03-30') })));
      expect(error.code).toBe('INVALID_END_DATE');
      expect(error.message).toBe(
        'This enrollment already ends on Tue, Mar 30, 2027; pick one of its session dates before that ' +
          '(an end can move earlier, never later).',
      );
      expect(error.fields).toEqual([{ field: 'body.oldEndsOn', message: 'must be before Tue, Mar 30, 2027' }]);
      expect(error.facts).toEqual({ endsOn: '2027-03-30' });
    });

    it('NOT_A_SESSION_DATE: the chosen first date is not a Thursday, suggesting the next real one', () => {
      const error = caughtAppError(() => planTransfer(e1({ firstSessionDate: date('2027-03-19') })));
      expect(error.code).toBe('NOT_A_SESSION_DATE');
      expect(error.message).toBe(
        'Intermediate Thu does not meet on Fri, Mar 19, 2027; pick one of its session dates, such as Thu, Mar 25, 2027.',
      );
      expect(error.fields).toEqual([{ field: 'body.firstSessionDate', message: 'not a session date of Intermediate Thu' }]);
      expect(error.facts).toEqual({ suggestedDate: '2027-03-25' });
    });

    it('NOT_A_SESSION_DATE: E2, the chosen first date is the cancelled 2027-03-25', () => {
      const error = caughtAppError(() =>
        planTransfer(e1({ target: intermediateThuE2, firstSessionDate: date('2027-03-25') })),
      );
      expect(error.code).toBe('NOT_A_SESSION_DATE');
      expect(error.message).toContain('Intermediate Thu is cancelled on Thu, Mar 25, 2027');
      expect(error.fields).toEqual([{ field: 'body.firstSessionDate', message: 'cancelled on this date' }]);
      expect(error.facts).toEqual({ suggestedDate: '2027-04-01' });
    });

    it('NOT_A_SESSION_DATE: the target has no real date on or after the transfer date', () => {
      const winterTerm = {
        ...intermediateThu,
        schedule: weekly({ weekday: 4, at: '17:00', minutes: 45, startsOn: '2027-01-07', endsOn: '2027-03-12' }),
      };
      const error = caughtAppError(() => planTransfer(e1({ target: winterTerm })));
      expect(error.code).toBe('NOT_A_SESSION_DATE');
      expect(error.message).toBe(
        'Intermediate Thu has no session date on or after Tue, Mar 16, 2027; choose another session.',
      );
      expect(error.fields.map((f) => f.field)).toEqual(['body.targetSessionId']);
    });

    it('ALREADY_ENROLLED: the client holds an ongoing enrollment of the target', () => {
      const targetEnrollments = [{ clientId: maya.clientId, period: { startsOn: date('2027-04-01'), endsOn: null } }];
      const error = caughtAppError(() => planTransfer(e1({ targetEnrollments })));
      expect(error.code).toBe('ALREADY_ENROLLED');
      expect(error.message).toBe(
        'The client is already enrolled in Intermediate Thu from Thu, Apr 1, 2027 with no end; choose another session.',
      );
      expect(error.fields.map((f) => f.field)).toEqual(['body.targetSessionId']);
      expect(error.facts).toEqual({ startsOn: '2027-04-01', endsOn: null });
    });

    it('ALREADY_ENROLLED: an enrollment of the target that ends after the first date, naming the date to pick', () => {
      const targetEnrollments = [
        { clientId: maya.clientId, period: { startsOn: date('2027-02-04'), endsOn: date('2027-03-25') } },
      ];
      const error = caughtAppError(() => planTransfer(e1({ targetEnrollments })));
      expect(error.code).toBe('ALREADY_ENROLLED');
      expect(error.message).toContain('pick a first session date on or after Thu, Mar 25, 2027');
      expect(error.fields).toEqual([{ field: 'body.firstSessionDate', message: 'on or after Thu, Mar 25, 2027' }]);
      expect(error.facts).toEqual({ startsOn: '2027-02-04', endsOn: '2027-03-25' });
      // Starting from that end is fine: the two periods touch but do not overlap.
      const plan = planTransfer(e1({ targetEnrollments, firstSessionDate: date('2027-03-25') }));
      expect(plan.firstSessionDate.toString()).toBe('2027-03-25');
    });

    it('CAPACITY_FULL: the target is full on a date from the first session date', () => {
      const error = caughtAppError(() => planTransfer(e1({ targetEnrollments: others(8) })));
      expect(error.code).toBe('CAPACITY_FULL');
      expect(error.message).toMatch(
        /^Intermediate Thu is full\. It is full \(8 seats\) on Thu, Mar 18, 2027; Thu, Mar 25, 2027; Thu, Apr 1, 2027 and \d+ more dates\. Choose another session or another first date\. A manager can enroll beyond capacity\.$/,
      );
      expect(error.fields).toEqual([{ field: 'body.targetSessionId', message: 'Intermediate Thu is full' }]);
      expect(error.facts).toMatchObject({ capacity: 8 });
    });

    it('CAPACITY_FULL: a client who joins the target weeks later fills it', () => {
      const targetEnrollments = [...others(7), ...others(1, '2027-05-06').map((e) => ({ ...e, clientId: 'late' }))];
      const error = caughtAppError(() => planTransfer(e1({ targetEnrollments })));
      expect(error.code).toBe('CAPACITY_FULL');
      expect((error.facts.fullDates as string[])[0]).toBe('2027-05-06');
    });
  });

  it('counts room freed by enrollments that end on or before the first date', () => {
    expect(() => planTransfer(e1({ targetEnrollments: others(8, '2027-01-07', '2027-03-18') }))).not.toThrow();
  });

  it('lets staff override a full target, and says the override was used', () => {
    expect(planTransfer(e1({ targetEnrollments: others(8), capacityOverride: true })).capacityOverridden).toBe(true);
    expect(planTransfer(e1({ targetEnrollments: others(2), capacityOverride: true })).capacityOverridden).toBe(false);
  });

  describe('warns', () => {
    it('BACK_DATED: the transfer date is before today', () => {
      const plan = planTransfer(e1({ today: date('2027-03-20') }));
      expect(plan.reachedBack).toEqual({ date: date('2027-03-16'), field: 'body.transferDate' });
      expect(plan.warnings).toEqual([
        {
          code: 'BACK_DATED',
          dates: ['2027-03-16'],
          message:
            'This transfer reaches back to Tue, Mar 16, 2027, before today (Sat, Mar 20, 2027): it changes the past, which only a manager can do.',
        },
      ]);
    });

    it('BACK_DATED (E11): a future transfer date with an old end in the past names the old end', () => {
      const plan = planTransfer(e1({ transferDate: date('2027-03-23'), oldEndsOn: date('2027-03-16'), today: date('2027-03-20') }));
      expect(plan.reachedBack).toEqual({ date: date('2027-03-16'), field: 'body.oldEndsOn' });
      expect(plan.warnings.find((w) => w.code === 'BACK_DATED')?.message).toContain('reaches back to Tue, Mar 16, 2027');
    });

    it('BACK_DATED: a first session date in the past counts too; nothing from today on is back-dated', () => {
      const early = planTransfer(e1({ transferDate: date('2027-03-23'), firstSessionDate: date('2027-03-18'), today: date('2027-03-20') }));
      expect(early.reachedBack).toEqual({ date: date('2027-03-18'), field: 'body.firstSessionDate' });
      const onToday = planTransfer(e1({ today: date('2027-03-16') }));
      expect(onToday.reachedBack).toBeNull();
      expect(onToday.warnings).toEqual([]);
    });

    it('DOUBLE_ENROLLED: a first date before the old end names the dates the client is in both sessions', () => {
      const plan = planTransfer(e1({ oldEndsOn: date('2027-03-30') }));
      expect(plan.warnings).toEqual([
        {
          code: 'DOUBLE_ENROLLED',
          sessionName: 'Beginners Tue',
          dates: ['2027-03-18', '2027-03-23', '2027-03-25'],
          message:
            'From Thu, Mar 18, 2027 to Mon, Mar 29, 2027 the client is in both Beginners Tue and Intermediate Thu ' +
            '(Thu, Mar 18, 2027; Tue, Mar 23, 2027; Thu, Mar 25, 2027). Accept it, or choose a first date on or after the old end.',
        },
      ]);
      expect(planTransfer(e1({ firstSessionDate: date('2027-03-18'), oldEndsOn: date('2027-03-16') })).warnings).toEqual([]);
    });

    it('TIME_CLASH: the target overlaps another of the client’s sessions on a date that enrollment covers', () => {
      // Lessons on Thursdays at 17:30, and one Swim Team Saturday moved onto Thursday 2027-04-08 at 16:30.
      const diving: OtherEnrollment = {
        sessionId: 'session-diving-thu',
        sessionName: 'Diving Thu',
        schedule: weekly({ weekday: 4, at: '17:30', minutes: 30, startsOn: '2027-01-07' }),
        period: { startsOn: date('2027-03-01'), endsOn: date('2027-04-01') },
      };
      const swimTeam: OtherEnrollment = {
        sessionId: swimTeamSat.id,
        sessionName: swimTeamSat.name,
        schedule: {
          ...swimTeamSat.schedule,
          exceptions: [
            { kind: 'moved', date: date('2027-04-10'), toDate: date('2027-04-08'), toStartTime: Temporal.PlainTime.from('16:30') },
          ],
        },
        period: { startsOn: date('2027-01-02'), endsOn: null },
      };
      const plan = planTransfer(e1({ otherEnrollments: [diving, swimTeam] }));
      expect(plan.warnings).toEqual([
        {
          code: 'TIME_CLASH',
          sessionName: 'Diving Thu',
          dates: ['2027-03-18', '2027-03-25'],
          message:
            "Intermediate Thu overlaps the client's Diving Thu on Thu, Mar 18, 2027; Thu, Mar 25, 2027. " +
            'Accept the clash, or choose another session or first date.',
        },
        expect.objectContaining({ code: 'TIME_CLASH', sessionName: 'Swim Team Sat', dates: ['2027-04-08'] }),
      ]);
    });

    it('no TIME_CLASH for sessions that only touch end to start, or clash after the first 8 weeks', () => {
      const before: OtherEnrollment = {
        sessionId: 'session-warm-up',
        sessionName: 'Warm-up Thu',
        schedule: weekly({ weekday: 4, at: '16:15', minutes: 45, startsOn: '2027-01-07' }),
        period: { startsOn: date('2027-01-07'), endsOn: null },
      };
      const later: OtherEnrollment = {
        ...before,
        sessionName: 'Summer Thu',
        schedule: weekly({ weekday: 4, at: '17:00', minutes: 45, startsOn: '2027-05-13' }),
      };
      expect(planTransfer(e1({ otherEnrollments: [before, later] })).warnings).toEqual([]);
    });

    it('TIME_CLASH with the current session while it still runs past the first session date', () => {
      const beginnersThu = {
        ...beginnersTue,
        name: 'Beginners Thu',
        schedule: weekly({ weekday: 4, at: '17:00', minutes: 45, startsOn: '2027-01-07' }),
      };
      const plan = planTransfer({
        ...e1({ current: { ...maya.current, period: { startsOn: date('2027-01-07'), endsOn: null }, session: beginnersThu } }),
        transferDate: date('2027-03-18'),
        oldEndsOn: date('2027-04-01'),
      });
      expect(plan.warnings).toEqual([
        expect.objectContaining({ code: 'DOUBLE_ENROLLED', sessionName: 'Beginners Thu', dates: ['2027-03-18', '2027-03-25'] }),
        expect.objectContaining({ code: 'TIME_CLASH', sessionName: 'Beginners Thu', dates: ['2027-03-18', '2027-03-25'] }),
      ]);
    });
  });
});
