import { randomBytes, randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildSubscription } from '../../../db/seed/builders.js';
import { buildE1Scenario, e1Request, type E1Scenario } from '../../testing/e1-scenario.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

/**
 * DESIGN.md "The family portal": each family and each instructor has a private calendar feed.
 * The feed is fetched over HTTP like a calendar app does, read with an independent parser
 * (ical.js, with the feed's own VTIMEZONE) and compared with the session dates the API shows.
 * Today is 2027-03-16 in New York; clocks went forward on 2027-03-14 and go back on 2027-11-07.
 */
const TODAY = '2027-03-16';
let server: TestServer;
let s: E1Scenario;

interface FeedEvent {
  uid: string;
  summary: string;
  location: string;
  /** Local wall-clock start in the feed's zone, e.g. 2027-03-16T16:00:00. */
  local: string;
  /** The instant, as a calendar app places it. */
  startsAt: string;
  endsAt: string;
  status: string;
  description: string | null;
}

/** Fetches a feed's address (the server's path of it) and reads it as a calendar app would. */
async function readFeed(url: string): Promise<{ status: number; contentType: string | null; cacheControl: string | null; events: FeedEvent[]; text: string }> {
  const response = await fetch(server.baseUrl + new URL(url).pathname);
  const text = await response.text();
  if (response.status !== 200) return { status: response.status, contentType: response.headers.get('content-type'), cacheControl: null, events: [], text };
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      local: event.startDate.toString(),
      startsAt: event.startDate.toJSDate().toISOString(),
      endsAt: event.endDate.toJSDate().toISOString(),
      status: String(component.getFirstPropertyValue('status')),
      description: event.description,
    };
  });
  return { status: response.status, contentType: response.headers.get('content-type'), cacheControl: response.headers.get('cache-control'), events, text };
}

/** The session's dates from the API, as the feed should show them: [instant, status]. */
async function sessionDates(sessionId: string, from: string, to: string) {
  const response = await server.as(s.organization.id).get(`/api/sessions/${sessionId}/dates?from=${from}&to=${to}`);
  expect(response.status).toBe(200);
  return (response.body.dates as { date: string; startsAt: string; endsAt: string; status: string; enrolled: number }[]).map((d) => ({
    date: d.date,
    startsAt: new Date(d.startsAt).toISOString(),
    endsAt: new Date(d.endsAt).toISOString(),
    status: d.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    enrolled: d.enrolled,
  }));
}

let familyFeedUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  server.clock.setToday(TODAY);
  s = await buildE1Scenario(server.db);
  const owner = server.as(s.organization.id);
  // Intermediate Thu: 2027-04-01 cancelled, 2027-04-08 moved to Friday 2027-04-09 at 18:30.
  expect((await owner.post(`/api/sessions/${s.intermediateThu.id}/date-changes`, { date: '2027-04-01', kind: 'cancelled', reason: 'Pool closed' })).status).toBe(201);
  expect((await owner.post(`/api/sessions/${s.intermediateThu.id}/date-changes`, { date: '2027-04-08', kind: 'moved', toDate: '2027-04-09', toStartTime: '18:30' })).status).toBe(201);
  // Maya moves from Beginners Tue (last date 2027-03-16) to Intermediate Thu from 2027-03-25.
  const transfer = await owner.post(
    '/api/transfers',
    { ...e1Request(s), oldEndsOn: '2027-03-23', firstSessionDate: '2027-03-25', finish: { kind: 'pay_later' } },
    { 'idempotency-key': randomUUID() },
  );
  expect(transfer.status).toBe(201);
  // Her brother's enrollment in Swim Team Sat was voided: it never happened.
  const leo = await buildClient(server.db, s.organization.id, { familyId: s.family.id, firstName: 'Leo', lastName: 'Patel' });
  await buildSubscription(server.db, s.organization.id, { sessionId: s.swimTeamSat.id, clientId: leo.id, startsOn: '2027-01-09', status: 'void' });

  const made = await owner.post(`/api/families/${s.family.id}/calendar-feed`, {});
  expect(made.status).toBe(201);
  familyFeedUrl = made.body.feed.url;
});
afterAll(() => server?.close());

describe("a family's calendar feed, read by an independent parser", () => {
  it('is an iCalendar file, kept by no shared cache, at an address no one can guess', async () => {
    const feed = await readFeed(familyFeedUrl);
    expect(feed.status).toBe(200);
    expect(feed.contentType).toMatch(/^text\/calendar/);
    expect(feed.cacheControl).toMatch(/private/);
    expect(feed.text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York');
    // 32 random bytes, base64url: 43 characters.
    expect(familyFeedUrl).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  });

  it('holds every date of each enrollment as the API shows it, at the same instants, cancelled dates as cancelled', async () => {
    const { events } = await readFeed(familyFeedUrl);
    // The feed reaches from 2026-12-16 to 2028-03-16: Beginners Tue up to (not on) 2027-03-23, then Intermediate Thu from 2027-03-25.
    const beginners = (await sessionDates(s.beginnersTue.id, '2027-01-05', '2027-03-23')).map((d) => ({ ...d, summary: 'Maya Patel – Beginners Tue' }));
    const intermediate = (await sessionDates(s.intermediateThu.id, '2027-03-25', '2028-03-16')).map((d) => ({ ...d, summary: 'Maya Patel – Intermediate Thu' }));
    const expected = [...beginners, ...intermediate].map(({ summary, startsAt, endsAt, status }) => ({ summary, startsAt, endsAt, status }));
    expect(events.map(({ summary, startsAt, endsAt, status }) => ({ summary, startsAt, endsAt, status }))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(60);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('keeps the local time on both sides of each daylight-saving change', async () => {
    const { events } = await readFeed(familyFeedUrl);
    const at = (local: string) => events.find((e) => e.local === local);
    // Spring: 16:00 in New York is 21:00 UTC before the change and 20:00 after.
    expect(at('2027-03-09T16:00:00')?.startsAt).toBe('2027-03-09T21:00:00.000Z');
    expect(at('2027-03-16T16:00:00')?.startsAt).toBe('2027-03-16T20:00:00.000Z');
    // Autumn: 17:00 is 21:00 UTC before the change and 22:00 after.
    expect(at('2027-11-04T17:00:00')?.startsAt).toBe('2027-11-04T21:00:00.000Z');
    expect(at('2027-11-11T17:00:00')?.startsAt).toBe('2027-11-11T22:00:00.000Z');
    expect(at('2027-11-11T17:00:00')?.summary).toBe('Maya Patel – Intermediate Thu');
  });

  it('shows a cancelled date as cancelled and a moved date at its new day and time', async () => {
    const { events } = await readFeed(familyFeedUrl);
    expect(events.find((e) => e.local === '2027-04-01T17:00:00')?.status).toBe('CANCELLED');
    expect(events.find((e) => e.local.startsWith('2027-04-08'))).toBeUndefined();
    expect(events.find((e) => e.local === '2027-04-09T18:30:00')).toMatchObject({ status: 'CONFIRMED', summary: 'Maya Patel – Intermediate Thu', endsAt: '2027-04-09T23:15:00.000Z', description: 'Moved from Thu, Apr 8, 2027' });
  });

  it("leaves out the ended enrollment's later dates and a void enrollment's", async () => {
    const { events } = await readFeed(familyFeedUrl);
    expect(events.filter((e) => e.summary.endsWith('Beginners Tue')).at(-1)?.local).toBe('2027-03-16T16:00:00');
    expect(events.filter((e) => e.summary.startsWith('Leo'))).toEqual([]);
    expect(events.find((e) => e.summary.endsWith('Intermediate Thu'))?.local).toBe('2027-03-25T17:00:00');
  });
});

describe('turning a feed off and making a new address', () => {
  it('a new address turns the old one off (404), for staff and the guardian alike', async () => {
    const owner = server.as(s.organization.id);
    const first = (await owner.post(`/api/families/${s.family.id}/calendar-feed`, {})).body.feed.url;
    const guardianId = (await owner.get(`/api/guardians?familyId=${s.family.id}`)).body.items[0].id;
    const guardian = server.asGuardian(s.organization.id, { id: guardianId });
    expect((await guardian.get('/api/portal/calendar-feed')).body.feed.url).toBe(first);

    const renewed = await guardian.post('/api/portal/calendar-feed', {});
    expect(renewed.status).toBe(201);
    expect(renewed.body.feed.url).not.toBe(first);
    expect(renewed.body.feed.webcalUrl).toBe(renewed.body.feed.url.replace(/^http:/, 'webcal:'));
    const old = await readFeed(first);
    expect(old.status).toBe(404);
    expect(old.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(old.text).detail).toMatch(/no longer/);
    expect((await readFeed(renewed.body.feed.url)).status).toBe(200);
    expect((await owner.get(`/api/families/${s.family.id}/calendar-feed`)).body.feed.url).toBe(renewed.body.feed.url);

    const off = await owner.delete(`/api/families/${s.family.id}/calendar-feed`);
    expect(off.body).toEqual({ feed: null });
    expect((await readFeed(renewed.body.feed.url)).status).toBe(404);
    expect((await guardian.get('/api/portal/calendar-feed')).body).toEqual({ feed: null });
  });

  it('answers 404 to an address that was never made', async () => {
    const guessed = await readFeed(`http://localhost/api/calendar/${randomBytes(32).toString('base64url')}.ics`);
    expect(guessed.status).toBe(404);
    expect((await readFeed('http://localhost/api/calendar/x.ics')).status).toBe(404);
  });
});

describe("an instructor's calendar feed", () => {
  it('has one event per date of the sessions they teach, with the roster count, as the API shows them', async () => {
    const owner = server.as(s.organization.id);
    const made = await owner.post(`/api/instructors/${s.intermediateThu.instructorId}/calendar-feed`, {});
    expect(made.status).toBe(201);
    const { events } = await readFeed(made.body.feed.url);
    const taught = [s.beginnersTue, s.intermediateThu, s.swimTeamSat].filter((session) => session.instructorId === s.intermediateThu.instructorId);
    // The feed's window in two asks (the API answers at most 400 days at a time).
    const halves = [['2026-12-16', '2027-07-16'], ['2027-07-16', '2028-03-16']] as const;
    const expected = (await Promise.all(taught.flatMap((session) => halves.map(([from, to]) => sessionDates(session.id, from, to))))).flat();
    expect(expected.length).toBeGreaterThan(60);
    expect(events.map((e) => [e.startsAt, e.status]).sort()).toEqual(expected.map((d) => [d.startsAt, d.status]).sort());
    const afterTransfer = events.find((e) => e.local === '2027-03-25T17:00:00')!;
    expect(afterTransfer).toMatchObject({ summary: 'Intermediate Thu', description: '1 enrolled of 10' });
  });

  it("is the instructor's own too, matched by their login's email; other roles are pointed to the instructor's page", async () => {
    const email = `coach-${randomUUID().slice(0, 8)}@example.test`;
    const owner = server.as(s.organization.id);
    await owner.patch(`/api/instructors/${s.beginnersTue.instructorId}`, { email: email.toUpperCase() });
    const staff = await server.createStaffWithEmail(s.organization.id, 'instructor', email);
    const instructor = server.withCookie((await server.signIn(staff.email, staff.password)).cookie);
    expect((await instructor.get('/api/me/calendar-feed')).body).toEqual({ feed: null });
    const made = await instructor.post('/api/me/calendar-feed', {});
    expect(made.status).toBe(201);
    expect((await owner.get(`/api/instructors/${s.beginnersTue.instructorId}/calendar-feed`)).body.feed.url).toBe(made.body.feed.url);
    expect((await readFeed(made.body.feed.url)).events[0]?.summary).toBe('Beginners Tue');
    const refused = await server.as(s.organization.id, 'manager').get('/api/me/calendar-feed');
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/instructor's page/);
  });
});
