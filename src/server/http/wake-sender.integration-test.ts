import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildE1Scenario, type E1Scenario } from '../testing/e1-scenario.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/**
 * The outbox's sender is woken after every successful change (DESIGN.md "Notifications": a
 * family hears within seconds), on every route — not only on routes registered after the hook.
 */
let server: TestServer;
let scenario: E1Scenario;
let wakes = 0;

beforeAll(async () => {
  server = await startTestServer({ wakeMessageSender: () => wakes++ });
  scenario = await buildE1Scenario(server.db);
});
afterAll(() => server?.close());

it('wakes the sender after a change that succeeded, not after a read or a refusal', async () => {
  const owner = server.as(scenario.organization.id);
  await owner.get('/api/me');
  const before = wakes;
  await owner.get(`/api/invoices/${scenario.march.id}`);
  expect(wakes).toBe(before);
  const guardianId = (await owner.get(`/api/guardians?familyId=${scenario.family.id}`)).body.items[0].id;
  const refused = await owner.put(`/api/guardians/${guardianId}/message-preferences`, { mutedKinds: ['everything'] });
  expect(refused.status).toBe(400);
  expect(wakes).toBe(before);
  const changed = await owner.put(`/api/guardians/${guardianId}/message-preferences`, { mutedKinds: ['billing'] });
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  expect(wakes).toBe(before + 1);
});
