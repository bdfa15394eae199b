import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSessionDates } from './session-dates.js';

/**
 * A weekly Sunday session across each zone's 2027 transitions. The expected UTC instants are
 * worked out by hand from each zone's rules; none depends on the process's own time zone.
 */
interface Case {
  name: string;
  timeZone: string;
  at: string;
  from: string;
  to: string;
  /** [local date, local start time, UTC start, UTC offset] for each occurrence. */
  expected: [string, string, string, string][];
}

const cases: Case[] = [
  {
    name: 'America/New_York springs forward on 2027-03-14',
    timeZone: 'America/New_York',
    at: '10:00',
    from: '2027-03-07',
    to: '2027-03-15',
    expected: [
      ['2027-03-07', '10:00:00', '2027-03-07T15:00:00Z', '-05:00'],
      ['2027-03-14', '10:00:00', '2027-03-14T14:00:00Z', '-04:00'],
    ],
  },
  {
    name: 'America/New_York falls back on 2027-11-07',
    timeZone: 'America/New_York',
    at: '10:00',
    from: '2027-10-31',
    to: '2027-11-08',
    expected: [
      ['2027-10-31', '10:00:00', '2027-10-31T14:00:00Z', '-04:00'],
      ['2027-11-07', '10:00:00', '2027-11-07T15:00:00Z', '-05:00'],
    ],
  },
  {
    name: 'Europe/London starts BST on 2027-03-28',
    timeZone: 'Europe/London',
    at: '10:00',
    from: '2027-03-21',
    to: '2027-04-01',
    expected: [
      ['2027-03-21', '10:00:00', '2027-03-21T10:00:00Z', '+00:00'],
      ['2027-03-28', '10:00:00', '2027-03-28T09:00:00Z', '+01:00'],
    ],
  },
  {
    name: 'Europe/London ends BST on 2027-10-31',
    timeZone: 'Europe/London',
    at: '10:00',
    from: '2027-10-24',
    to: '2027-11-01',
    expected: [
      ['2027-10-24', '10:00:00', '2027-10-24T09:00:00Z', '+01:00'],
      ['2027-10-31', '10:00:00', '2027-10-31T10:00:00Z', '+00:00'],
    ],
  },
  {
    name: 'Australia/Sydney ends DST on 2027-04-04',
    timeZone: 'Australia/Sydney',
    at: '10:00',
    from: '2027-03-28',
    to: '2027-04-05',
    expected: [
      ['2027-03-28', '10:00:00', '2027-03-27T23:00:00Z', '+11:00'],
      ['2027-04-04', '10:00:00', '2027-04-04T00:00:00Z', '+10:00'],
    ],
  },
  {
    name: 'Australia/Sydney starts DST on 2027-10-03',
    timeZone: 'Australia/Sydney',
    at: '10:00',
    from: '2027-09-26',
    to: '2027-10-04',
    expected: [
      ['2027-09-26', '10:00:00', '2027-09-26T00:00:00Z', '+10:00'],
      ['2027-10-03', '10:00:00', '2027-10-02T23:00:00Z', '+11:00'],
    ],
  },
  {
    name: 'Asia/Kolkata stays at +05:30 while New York changes',
    timeZone: 'Asia/Kolkata',
    at: '10:00',
    from: '2027-03-07',
    to: '2027-03-15',
    expected: [
      ['2027-03-07', '10:00:00', '2027-03-07T04:30:00Z', '+05:30'],
      ['2027-03-14', '10:00:00', '2027-03-14T04:30:00Z', '+05:30'],
    ],
  },
  {
    name: 'Pacific/Auckland ends DST on 2027-04-04',
    timeZone: 'Pacific/Auckland',
    at: '10:00',
    from: '2027-03-28',
    to: '2027-04-05',
    expected: [
      ['2027-03-28', '10:00:00', '2027-03-27T21:00:00Z', '+13:00'],
      ['2027-04-04', '10:00:00', '2027-04-03T22:00:00Z', '+12:00'],
    ],
  },
  {
    name: 'Pacific/Auckland starts DST on 2027-09-26',
    timeZone: 'Pacific/Auckland',
    at: '10:00',
    from: '2027-09-19',
    to: '2027-09-27',
    expected: [
      ['2027-09-19', '10:00:00', '2027-09-18T22:00:00Z', '+12:00'],
      ['2027-09-26', '10:00:00', '2027-09-25T21:00:00Z', '+13:00'],
    ],
  },
  {
    // 'compatible': a wall time skipped by spring-forward moves later by the gap (02:30 -> 03:30 EDT).
    name: 'America/New_York 02:30 falls in the 2027-03-14 gap',
    timeZone: 'America/New_York',
    at: '02:30',
    from: '2027-03-07',
    to: '2027-03-22',
    expected: [
      ['2027-03-07', '02:30:00', '2027-03-07T07:30:00Z', '-05:00'],
      ['2027-03-14', '03:30:00', '2027-03-14T07:30:00Z', '-04:00'],
      ['2027-03-21', '02:30:00', '2027-03-21T06:30:00Z', '-04:00'],
    ],
  },
  {
    // 'compatible': a wall time that happens twice at fall-back takes the earlier one (still EDT).
    name: 'America/New_York 01:30 happens twice on 2027-11-07',
    timeZone: 'America/New_York',
    at: '01:30',
    from: '2027-11-07',
    to: '2027-11-15',
    expected: [
      ['2027-11-07', '01:30:00', '2027-11-07T05:30:00Z', '-04:00'],
      ['2027-11-14', '01:30:00', '2027-11-14T06:30:00Z', '-05:00'],
    ],
  },
  {
    name: 'Australia/Sydney 02:30 falls in the 2027-10-03 gap',
    timeZone: 'Australia/Sydney',
    at: '02:30',
    from: '2027-10-03',
    to: '2027-10-04',
    expected: [['2027-10-03', '03:30:00', '2027-10-02T16:30:00Z', '+11:00']],
  },
];

function occurrences(c: Case) {
  return listSessionDates({
    recurrence: {
      weekdays: [7],
      startTime: Temporal.PlainTime.from(c.at),
      durationMinutes: 60,
      startsOn: Temporal.PlainDate.from('2027-01-01'),
      endsOn: null,
    },
    exceptions: [],
    timeZone: c.timeZone,
    from: Temporal.PlainDate.from(c.from),
    to: Temporal.PlainDate.from(c.to),
  }).map((s) => [
    s.date.toString(),
    s.startsAt.toPlainTime().toString(),
    s.startsAt.toInstant().toString(),
    s.startsAt.offset,
  ]);
}

// Computed once, under whatever zone the test process started in.
const baseline = cases.map(occurrences);

function assertAllZones() {
  it.each(cases)('$name', (c) => {
    expect(occurrences(c)).toEqual(c.expected);
  });

  it('gives results identical to those computed in the starting process zone', () => {
    expect(cases.map(occurrences)).toEqual(baseline);
  });

  it('lasts the real elapsed duration when a session spans fall-back', () => {
    const [session] = listSessionDates({
      recurrence: {
        weekdays: [7],
        startTime: Temporal.PlainTime.from('01:00'),
        durationMinutes: 90,
        startsOn: Temporal.PlainDate.from('2027-11-07'),
        endsOn: null,
      },
      exceptions: [],
      timeZone: 'America/New_York',
      from: Temporal.PlainDate.from('2027-11-07'),
      to: Temporal.PlainDate.from('2027-11-08'),
    });
    // 01:00 EDT + 90 min = 01:30 EST (the clock went back an hour in between).
    expect(session?.endsAt.toString()).toBe('2027-11-07T01:30:00-05:00[America/New_York]');
  });
}

describe('session dates keep local wall time across DST', assertAllZones);

describe.each([
  // January UTC offsets in minutes, as Date#getTimezoneOffset reports them.
  { processZone: 'Pacific/Chatham', januaryOffset: -825 },
  { processZone: 'America/Los_Angeles', januaryOffset: 480 },
])('with the process in TZ=$processZone', ({ processZone, januaryOffset }) => {
  let savedZone: string | undefined;
  beforeAll(() => {
    savedZone = process.env.TZ;
    process.env.TZ = processZone;
  });
  afterAll(() => {
    if (savedZone === undefined) delete process.env.TZ;
    else process.env.TZ = savedZone;
  });

  it('really runs the process in that zone', () => {
    expect(new Date('2027-01-15T12:00:00Z').getTimezoneOffset()).toBe(januaryOffset);
  });

  assertAllZones();
});
