import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildSession, buildSubscription } from '../../../db/seed/builders.js';
import { startTestServer, type TestServer, fieldsNamed } from '../../testing/test-server.js';
import { scheduleDto } from '../../../contracts/schedule.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/schedule', () => {
  it('keeps 09:00 local across the DST changes of E5, whatever the server time zone', async () => {
    const org = await buildOrganization(server.db);
    await buildSession(server.db, org.id, { name: 'Swim Team Sat', weekdays: [6], startTime: '09:00:00', durationMinutes: 60, startsOn: '2027-01-02' });
    const api = server.as(org.id);
    const march = await api.get('/api/schedule?from=2027-03-13&to=2027-03-21');
    const november = await api.get('/api/schedule?from=2027-11-06&to=2027-11-14');
    const shown = [...march.body.entries, ...november.body.entries].map((e: { date: string; startsAt: string; localStartTime: string }) => [e.date, e.startsAt, e.localStartTime]);
    expect(shown).toEqual([
      ['2027-03-13', '2027-03-13T14:00:00Z', '09:00'],
      ['2027-03-20', '2027-03-20T13:00:00Z', '09:00'],
      ['2027-11-06', '2027-11-06T13:00:00Z', '09:00'],
      ['2027-11-13', '2027-11-13T14:00:00Z', '09:00'],
    ]);
    expect(march.body.timeZone).toBe('America/New_York');
  });

  it('shows enrolled against capacity, marks full dates, cancelled dates and filters', async () => {
    const org = await buildOrganization(server.db);
    const api = server.as(org.id);
    const small = await buildSession(server.db, org.id, { name: 'Small Tue', capacity: 2, startsOn: '2027-03-02' });
    const other = await buildSession(server.db, org.id, { name: 'Other Thu', weekdays: [4], startsOn: '2027-03-04' });
    await buildSubscription(server.db, org.id, { sessionId: small.id, startsOn: '2027-03-02' });
    await buildSubscription(server.db, org.id, { sessionId: small.id, startsOn: '2027-03-16' });
    const cancelled = await api.post(`/api/sessions/${small.id}/date-changes`, { date: '2027-03-23', kind: 'cancelled', reason: 'Pool maintenance' });
    expect(cancelled.status).toBe(201);

    const week = await api.get(`/api/schedule?from=2027-03-01&to=2027-04-01&locationId=${small.locationId}`);
    expect(week.status).toBe(200);
    const byDate = week.body.entries.map((e: any) => [e.date, e.status, e.enrolled, e.capacity, e.full]);
    expect(byDate).toEqual([
      ['2027-03-02', 'scheduled', 1, 2, false],
      ['2027-03-09', 'scheduled', 1, 2, false],
      ['2027-03-16', 'scheduled', 2, 2, true],
      ['2027-03-23', 'cancelled', 0, 2, false],
      ['2027-03-30', 'scheduled', 2, 2, true],
    ]);
    expect(week.body.entries.every((e: any) => e.sessionName === 'Small Tue' && e.instructorName && e.serviceName)).toBe(true);

    // Sent without runtime validation (see the route): every entry is exactly what the schema documents.
    expect(scheduleDto.parse(week.body)).toEqual(week.body);

    const everything = await api.get('/api/schedule?from=2027-03-01&to=2027-03-08');
    expect(everything.body.entries.map((e: any) => e.sessionId)).toEqual([small.id, other.id]);
  });

  it('counts the clients of a date moved onto another weekday on its new date', async () => {
    const org = await buildOrganization(server.db);
    const api = server.as(org.id);
    const tuesday = await buildSession(server.db, org.id, { name: 'Moving Tue', weekdays: [2], startsOn: '2027-03-02' });
    const thursday = await buildSession(server.db, org.id, { name: 'Staying Thu', weekdays: [4], startsOn: '2027-03-04' });
    await buildSubscription(server.db, org.id, { sessionId: tuesday.id, startsOn: '2027-03-02' });
    // Ends (exclusive) before the moved date: enrolled on the 2nd, not on the 11th.
    await buildSubscription(server.db, org.id, { sessionId: tuesday.id, startsOn: '2027-03-02', endsOn: '2027-03-10' });
    await buildSubscription(server.db, org.id, { sessionId: thursday.id, startsOn: '2027-03-04' });
    const moved = await api.post(`/api/sessions/${tuesday.id}/date-changes`, { date: '2027-03-09', kind: 'moved', toDate: '2027-03-11' });
    expect(moved.status).toBe(201);

    const week = await api.get('/api/schedule?from=2027-03-01&to=2027-03-15');
    const shown = week.body.entries.map((e: any) => [e.sessionName, e.date, e.status, e.enrolled]);
    expect(shown).toEqual([
      ['Moving Tue', '2027-03-02', 'scheduled', 2],
      ['Staying Thu', '2027-03-04', 'scheduled', 1],
      ['Moving Tue', '2027-03-11', 'moved', 1],
      ['Staying Thu', '2027-03-11', 'scheduled', 1],
    ]);
  });

  it('refuses a backwards or too long range, naming the field', async () => {
    const org = await buildOrganization(server.db);
    const api = server.as(org.id);
    const backwards = await api.get('/api/schedule?from=2027-03-08&to=2027-03-01');
    expect(backwards.status).toBe(400);
    expect(fieldsNamed(backwards.body)).toEqual(['querystring.to']);
    expect(backwards.body.detail).toBe('Please correct: The end of the range must be after the start of the range.');
    const tooLong = await api.get('/api/schedule?from=2027-01-01&to=2027-12-31');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('INVALID_DATE_RANGE');
    const notADate = await api.get('/api/schedule?from=2027-02-30&to=2027-03-01');
    expect(notADate.status).toBe(400);
    expect(fieldsNamed(notADate.body)).toEqual(['querystring.from']);
  });
});

describe('GET /api/schedule/this-week', () => {
  it('answers the week of the organization’s today, Monday to Monday, as GET /api/schedule answers it', async () => {
    const org = await buildOrganization(server.db);
    await buildSession(server.db, org.id, { name: 'Swim Team Sat', weekdays: [6], startTime: '09:00:00', durationMinutes: 60, startsOn: '2027-01-02' });
    const api = server.as(org.id);
    try {
      // A Sunday ends its week; a Monday starts the next.
      server.clock.setToday('2027-03-14');
      const sunday = await api.get('/api/schedule/this-week');
      expect(sunday.status).toBe(200);
      expect({ from: sunday.body.from, to: sunday.body.to }).toEqual({ from: '2027-03-08', to: '2027-03-15' });
      expect(sunday.body).toEqual((await api.get('/api/schedule?from=2027-03-08&to=2027-03-15')).body);
      expect(sunday.body.entries.map((e: { date: string }) => e.date)).toEqual(['2027-03-13']);
      expect(() => scheduleDto.parse(sunday.body)).not.toThrow();

      server.clock.setToday('2027-03-15');
      const monday = await api.get('/api/schedule/this-week');
      expect({ from: monday.body.from, to: monday.body.to }).toEqual({ from: '2027-03-15', to: '2027-03-22' });
    } finally {
      server.clock.reset();
    }
  });
});

