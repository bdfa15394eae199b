import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildE1Scenario, type E1Scenario } from '../../testing/e1-scenario.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

/** DESIGN.md "The family portal": a guardian's login reaches the portal and nothing of the staff app. */
let server: TestServer;
let scenario: E1Scenario;
let guardianId: string;

beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildE1Scenario(server.db);
  guardianId = (await server.as(scenario.organization.id).get(`/api/guardians?familyId=${scenario.family.id}`)).body.items[0].id;
});
afterAll(() => server?.close());

describe('a guardian signed in to the family portal', () => {
  it('is told who they are, for their own family', async () => {
    const me = await server.asGuardian(scenario.organization.id, { id: guardianId }).get('/api/portal/me');
    expect(me.status).toBe(200);
    expect(me.body.guardian.id).toBe(guardianId);
    expect(me.body.familyId).toBe(scenario.family.id);
    expect(me.body.organization.id).toBe(scenario.organization.id);
  });

  it('is refused every staff route', async () => {
    const guardian = server.asGuardian(scenario.organization.id, { id: guardianId });
    for (const path of ['/api/me', `/api/families/${scenario.family.id}`, '/api/clients?search=maya', `/api/invoices/${scenario.march.id}`]) {
      const response = await guardian.get(path);
      expect(response.status, path).toBe(403);
    }
  });

  it('is a route staff logins cannot use', async () => {
    const response = await server.as(scenario.organization.id, 'owner').get('/api/portal/me');
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain('guardians');
  });

  it('needs a login', async () => {
    expect((await server.as(null).get('/api/portal/me')).status).toBe(401);
  });
});
