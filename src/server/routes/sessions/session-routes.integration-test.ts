import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildGuardian, buildOrganization, buildSession, buildSubscription } from '../../../db/seed/builders.js';
import { MISSING_ID, startTestServer, type TestServer, fieldsNamed } from '../../testing/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function sessionWithTwoClients() {
  const org = await buildOrganization(server.db);
  const session = await buildSession(server.db, org.id, { name: 'Beginners Tue', capacity: 3, startsOn: '2027-01-05' });
  const guardian = await buildGuardian(server.db, org.id, { name: 'Priya Patel', phone: '+1 555 010 2030' });
  const maya = await buildClient(server.db, org.id, { firstName: 'Maya', lastName: 'Patel', familyId: guardian.familyId });
  const leo = await buildClient(server.db, org.id, { firstName: 'Leo', lastName: 'Adams' });
  await buildSubscription(server.db, org.id, { sessionId: session.id, clientId: maya.id, startsOn: '2027-01-05' });
  await buildSubscription(server.db, org.id, { sessionId: session.id, clientId: leo.id, startsOn: '2027-01-05', endsOn: '2027-03-16' });
  return { org, session, api: server.as(org.id) };
}

describe('session dates and rosters', () => {
  it("lists a session's dates with free seats", async () => {
    const { session, api } = await sessionWithTwoClients();
    const response = await api.get(`/api/sessions/${session.id}/dates?from=2027-03-01&to=2027-04-01`);
    expect(response.status).toBe(200);
    expect(response.body.dates.map((d: any) => [d.date, d.enrolled, d.freeSeats])).toEqual([
      ['2027-03-02', 2, 1],
      ['2027-03-09', 2, 1],
      ['2027-03-16', 1, 2],
      ['2027-03-23', 1, 2],
      ['2027-03-30', 1, 2],
    ]);
  });

  it('shows the roster of a date with family and guardian phone', async () => {
    const { session, api } = await sessionWithTwoClients();
    const before = await api.get(`/api/sessions/${session.id}/roster?date=2027-03-09`);
    expect(before.status).toBe(200);
    expect(before.body.clients.map((c: any) => c.firstName)).toEqual(['Leo', 'Maya']);
    const maya = before.body.clients.find((c: any) => c.firstName === 'Maya');
    expect(maya).toMatchObject({ guardianName: 'Priya Patel', guardianPhone: '+1 555 010 2030' });
    const after = await api.get(`/api/sessions/${session.id}/roster?date=2027-03-16`);
    expect(after.body.clients.map((c: any) => c.firstName)).toEqual(['Maya']);
    expect(after.body.sessionDate).toMatchObject({ date: '2027-03-16', enrolled: 1, capacity: 3, localStartTime: '16:00' });
  });

  it('refuses a roster on a day the session does not meet, and a missing session', async () => {
    const { session, api } = await sessionWithTwoClients();
    const wednesday = await api.get(`/api/sessions/${session.id}/roster?date=2027-03-10`);
    expect(wednesday.status).toBe(422);
    expect(wednesday.body.code).toBe('NOT_A_SESSION_DATE');
    const badDate = await api.get(`/api/sessions/${session.id}/roster?date=tomorrow`);
    expect(badDate.status).toBe(400);
    expect(badDate.body.detail).toContain('date');
    expect((await api.get(`/api/sessions/${MISSING_ID}/roster?date=2027-03-09`)).status).toBe(404);
    expect((await api.get(`/api/sessions/${MISSING_ID}/dates?from=2027-03-01&to=2027-04-01`)).status).toBe(404);
  });

  it('moves a date: the roster follows it and the old date is gone', async () => {
    const { session, api } = await sessionWithTwoClients();
    const moved = await api.post(`/api/sessions/${session.id}/date-changes`, {
      date: '2027-03-09', kind: 'moved', toDate: '2027-03-11', toStartTime: '17:30', reason: 'Pool closed Tuesday',
    });
    expect(moved.status).toBe(201);
    const dates = await api.get(`/api/sessions/${session.id}/dates?from=2027-03-08&to=2027-03-15`);
    expect(dates.body.dates.map((d: any) => [d.date, d.status, d.localStartTime])).toEqual([['2027-03-11', 'moved', '17:30']]);
    const roster = await api.get(`/api/sessions/${session.id}/roster?date=2027-03-11`);
    expect(roster.body.clients).toHaveLength(2);
  });

  it('refuses to cancel a day that is not a session date, and a moved date without its new date', async () => {
    const { session, api } = await sessionWithTwoClients();
    const wrongDay = await api.post(`/api/sessions/${session.id}/date-changes`, { date: '2027-03-10', kind: 'cancelled' });
    expect(wrongDay.status).toBe(422);
    const noTarget = await api.post(`/api/sessions/${session.id}/date-changes`, { date: '2027-03-09', kind: 'moved' });
    expect(noTarget.status).toBe(400);
    expect(fieldsNamed(noTarget.body)).toEqual(['body.toDate']);
    expect(noTarget.body.detail).toBe('Please correct: The new date is needed when the date is moved, and only then.');
    expect((await api.post(`/api/sessions/${MISSING_ID}/date-changes`, { date: '2027-03-09', kind: 'cancelled' })).status).toBe(404);
  });

  it('refuses a capacity below the clients already enrolled on a coming date', async () => {
    const org = await buildOrganization(server.db);
    const api = server.as(org.id);
    const session = await buildSession(server.db, org.id, { capacity: 3, startsOn: '2026-01-06' });
    await buildSubscription(server.db, org.id, { sessionId: session.id, startsOn: '2026-01-06' });
    await buildSubscription(server.db, org.id, { sessionId: session.id, startsOn: '2026-01-06' });
    const response = await api.patch(`/api/sessions/${session.id}`, { capacity: 1 });
    expect(response.status).toBe(409);
    expect(fieldsNamed(response.body)).toEqual(['body.capacity']);
    expect((await api.get(`/api/sessions/${session.id}`)).body.capacity).toBe(3);
    expect((await api.patch(`/api/sessions/${session.id}`, { capacity: 2 })).status).toBe(200);
  });

  it('refuses an end before the start on change, naming endsOn', async () => {
    const org = await buildOrganization(server.db);
    const session = await buildSession(server.db, org.id, { startsOn: '2027-01-05' });
    const response = await server.as(org.id).patch(`/api/sessions/${session.id}`, { endsOn: '2027-01-01' });
    expect(response.status).toBe(400);
    expect(fieldsNamed(response.body)).toEqual(['body.endsOn']);
  });
});
