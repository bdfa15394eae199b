import { Temporal } from 'temporal-polyfill';
import type { SessionDateException } from '../../schedule/session-recurrence.js';
import type { SessionSchedule } from '../../schedule/session-dates.js';
import type { PlannedSession } from '../plan-transfer.js';

/** Riverside Swim School from EXAMPLES.md: America/New_York, USD, three weekly sessions. */
export const timeZone = 'America/New_York';
export const usd = { currency: 'USD', locale: 'en-US' } as const;
export const date = (iso: string) => Temporal.PlainDate.from(iso);
export const cancelled = (iso: string): SessionDateException => ({ kind: 'cancelled', date: date(iso), reason: 'Holiday' });

export function weekly(o: {
  weekday: number;
  at: string;
  minutes: number;
  startsOn: string;
  endsOn?: string;
  exceptions?: readonly SessionDateException[];
}): SessionSchedule {
  return {
    recurrence: {
      weekdays: [o.weekday],
      startTime: Temporal.PlainTime.from(o.at),
      durationMinutes: o.minutes,
      startsOn: date(o.startsOn),
      endsOn: o.endsOn ? date(o.endsOn) : null,
    },
    exceptions: o.exceptions ?? [],
    timeZone,
  };
}

export const beginnersTue: PlannedSession = {
  id: 'session-beginners-tue',
  name: 'Beginners Tue',
  schedule: weekly({ weekday: 2, at: '16:00', minutes: 45, startsOn: '2027-01-05' }),
  capacity: 8,
  instructorName: 'Dana Brooks',
};

export const intermediateThu: PlannedSession = {
  id: 'session-intermediate-thu',
  name: 'Intermediate Thu',
  schedule: weekly({ weekday: 4, at: '17:00', minutes: 45, startsOn: '2027-01-07' }),
  capacity: 8,
  instructorName: 'Sam Ortiz',
};

export const swimTeamSat: PlannedSession = {
  id: 'session-swim-team-sat',
  name: 'Swim Team Sat',
  schedule: weekly({ weekday: 6, at: '09:00', minutes: 60, startsOn: '2027-01-02' }),
  capacity: 12,
  instructorName: 'Lee Carter',
};

/** E2: Intermediate Thu with the holiday 2027-03-25 cancelled. */
export const intermediateThuE2: PlannedSession = {
  ...intermediateThu,
  schedule: { ...intermediateThu.schedule, exceptions: [cancelled('2027-03-25')] },
};

export const prices = { beginnersTue: 8_000, intermediateThu: 10_000, swimTeamSat: 12_000 } as const;

/** Maya, enrolled in Beginners Tue since 2027-01-05 (E1). */
export const maya = {
  clientId: 'client-maya',
  current: {
    subscriptionId: 'subscription-maya-beginners',
    session: beginnersTue,
    period: { startsOn: date('2027-01-05'), endsOn: null },
    status: 'active' as const,
    attendedDates: [] as Temporal.PlainDate[],
    endedByTransfer: null as { transferDate: Temporal.PlainDate } | null,
  },
};
