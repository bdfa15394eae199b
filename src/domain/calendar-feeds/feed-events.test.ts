import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { familyFeedEvents, feedWindow, instructorFeedEvents, type FeedSession } from './feed-events.js';

const date = Temporal.PlainDate.from;
const time = Temporal.PlainTime.from;

// Beginners Tue, 16:00 for 45 minutes in New York; clocks go forward on Sun 2027-03-14.
const beginnersTue: FeedSession = {
  id: 'session-1',
  name: 'Beginners Tue',
  locationName: 'Main Pool',
  schedule: {
    recurrence: { weekdays: [2], startTime: time('16:00'), durationMinutes: 45, startsOn: date('2027-01-05'), endsOn: null },
    exceptions: [
      { kind: 'cancelled', date: date('2027-03-23'), reason: 'Pool closed' },
      { kind: 'moved', date: date('2027-03-30'), toDate: date('2027-03-31'), toStartTime: time('17:30') },
    ],
    timeZone: 'America/New_York',
  },
};
const window = { from: date('2027-03-01'), to: date('2027-04-15') };
const locale = 'en-US';
const maya = { clientId: 'client-1', clientName: 'Maya Patel', session: beginnersTue };

const local = (event: { startsAt: Temporal.ZonedDateTime }) => event.startsAt.toPlainDateTime().toString({ smallestUnit: 'minute' });

describe('familyFeedEvents', () => {
  const events = familyFeedEvents({ enrollments: [{ ...maya, period: { startsOn: date('2027-01-05'), endsOn: null } }], window, locale });

  it('keeps 16:00 local on both sides of the change to summer time (a different UTC hour)', () => {
    const [before, after] = events.filter((e) => ['2027-03-09', '2027-03-16'].includes(e.startsAt.toPlainDate().toString()));
    expect([local(before!), local(after!)]).toEqual(['2027-03-09T16:00', '2027-03-16T16:00']);
    expect([before!.startsAt.toInstant().toString(), after!.startsAt.toInstant().toString()]).toEqual(['2027-03-09T21:00:00Z', '2027-03-16T20:00:00Z']);
    expect(after!.endsAt.toPlainTime().toString()).toBe('16:45:00');
  });

  it('names the child and the session, keeps a cancelled date as cancelled and a moved one at its new time', () => {
    expect(events.map((e) => [local(e), e.cancelled])).toEqual([
      ['2027-03-02T16:00', false],
      ['2027-03-09T16:00', false],
      ['2027-03-16T16:00', false],
      ['2027-03-23T16:00', true],
      ['2027-03-31T17:30', false],
      ['2027-04-06T16:00', false],
      ['2027-04-13T16:00', false],
    ]);
    expect(events[0]).toMatchObject({ summary: 'Maya Patel – Beginners Tue', location: 'Main Pool' });
  });

  it('gives each date a UID of its session, its recurrence date and the child, the same when the date moves', () => {
    const moved = events.find((e) => local(e) === '2027-03-31T17:30')!;
    expect(moved.uid).toBe('session-1-2027-03-30-client-1@session-transfers');
    expect(moved.description).toBe('Moved from Tue, Mar 30, 2027');
    expect(events[0]!.description).toBeNull();
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('holds only the dates the enrollment covers: from its start, up to (not on) its end', () => {
    const ended = familyFeedEvents({ enrollments: [{ ...maya, period: { startsOn: date('2027-03-09'), endsOn: date('2027-03-23') } }], window, locale });
    expect(ended.map(local)).toEqual(['2027-03-09T16:00', '2027-03-16T16:00']);
  });
});

describe('instructorFeedEvents', () => {
  it('has one event per date of the session with the enrolled count', () => {
    const events = instructorFeedEvents({ sessions: [{ session: beginnersTue, capacity: 10, enrolledOn: (d) => (d.day === 2 ? 3 : 4) }], window, locale });
    expect(events).toHaveLength(7);
    expect(events[0]).toMatchObject({ uid: 'session-1-2027-03-02@session-transfers', summary: 'Beginners Tue', description: '3 enrolled of 10' });
    expect(events.find((e) => e.cancelled)!.description).toBeNull();
    expect(events.find((e) => e.startsAt.day === 31)!.description).toBe('4 enrolled of 10. Moved from Tue, Mar 30, 2027');
  });
});

describe('feedWindow', () => {
  it('reaches three months back and a year ahead', () => {
    expect(feedWindow({ today: date('2027-03-16') })).toEqual({ from: date('2026-12-16'), to: date('2028-03-16') });
  });
});
