import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { renderFeed } from './render-feed.js';

const timeZone = 'America/New_York';
const at = (text: string) => Temporal.ZonedDateTime.from(`${text}[${timeZone}]`);
const event = (start: string, cancelled = false) => ({
  uid: `s-${start}@session-transfers`,
  summary: 'Maya Patel – Beginners Tue',
  location: 'Main Pool',
  description: null,
  startsAt: at(start),
  endsAt: at(start).add({ minutes: 45 }),
  cancelled,
});

/** Reads the file with ical.js, registering its own VTIMEZONE: what a calendar app does. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

describe('renderFeed', () => {
  const text = renderFeed({
    name: 'Patel family – Riverside',
    timeZone,
    window: { from: Temporal.PlainDate.from('2027-03-01'), to: Temporal.PlainDate.from('2027-04-01') },
    events: [event('2027-03-09T16:00'), event('2027-03-16T16:00'), event('2027-03-23T16:00', true)],
    generatedAt: Temporal.Instant.from('2027-03-16T12:00:00Z'),
  });

  it('is read by an independent parser at the right instants on both sides of the change to summer time', () => {
    const events = parse(text).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2027-03-09T21:00:00.000Z', '2027-03-16T20:00:00.000Z', '2027-03-23T20:00:00.000Z']);
    expect(events.map((e) => e.startDate.toString())).toEqual(['2027-03-09T16:00:00', '2027-03-16T16:00:00', '2027-03-23T16:00:00']);
    expect(events[0]!.summary).toBe('Maya Patel – Beginners Tue');
    expect(events[0]!.location).toBe('Main Pool');
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
  });

  it('writes local times with the zone and the zone itself', () => {
    expect(text).toContain('DTSTART;TZID=America/New_York:20270316T160000');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York');
  });
});
