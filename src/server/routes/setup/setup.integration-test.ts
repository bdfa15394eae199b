import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyTestDatabase } from '../../../db/testing/test-database.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

/**
 * Issue 16: there was no way at all to create a real organization. With none in the database the
 * app shows the welcome screen and POST /api/setup creates the organization and its owner, once.
 */
const webApp = mkdtempSync(join(tmpdir(), 'web-app-'));
writeFileSync(join(webApp, 'index.html'), '<!doctype html><html><body>app</body></html>');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ database: await openEmptyTestDatabase(), webAppDirectory: webApp });
});
afterAll(async () => {
  await server.close();
  rmSync(webApp, { recursive: true, force: true });
});

const setup = (overrides: Record<string, unknown> = {}) => ({
  organizationName: 'Harbour Swim Club',
  timeZone: 'Australia/Sydney',
  currency: 'AUD',
  locale: 'en-AU',
  ownerName: 'Grace Tan',
  ownerEmail: 'Grace@Harbour-Swim.example',
  ownerPassword: 'harbour-lanes-2027',
  ...overrides,
});

async function pageRedirect(path: string): Promise<string | null> {
  const response = await fetch(server.baseUrl + path, { redirect: 'manual' });
  return response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
}

describe('the first run', () => {
  it('sends every page to the welcome screen while no organization exists', async () => {
    expect((await server.as(null).get('/api/setup')).body).toEqual({ needed: true });
    expect(await pageRedirect('/')).toBe('/welcome');
    expect(await pageRedirect('/clients/123')).toBe('/welcome');
    expect(await pageRedirect('/welcome')).toBeNull();
  });

  it('refuses a setup with bad fields, each named for the form, and creates nothing', async () => {
    const response = await server.as(null).post('/api/setup', setup({ timeZone: 'Mars/Olympus', currency: 'usd', ownerPassword: '1234567890' }));
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.currency', 'body.ownerPassword', 'body.timeZone']);
    expect(response.body.detail).toMatch(/most common passwords/);
    const tooLong = await server.as(null).post('/api/setup', setup({ ownerPassword: 'p'.repeat(129) }));
    expect(tooLong.body.fields).toEqual([{ field: 'body.ownerPassword', message: 'must be at most 128 characters' }]);
    expect((await server.as(null).get('/api/setup')).body).toEqual({ needed: true });
  });

  it('creates the organization and its owner once, even when two setups arrive together', async () => {
    const [first, second] = await Promise.all([
      server.as(null).post('/api/setup', setup()),
      server.as(null).post('/api/setup', setup({ organizationName: 'Impostor Swim', ownerEmail: 'impostor@example.test' })),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const done = first.status === 201 ? first : second;
    const refused = first.status === 201 ? second : first;
    expect(refused.body.detail).toMatch(/already set up/);

    const { response, cookie } = await server.signIn(done.body.owner.email, 'harbour-lanes-2027');
    expect(response.status).toBe(200);
    const me = (await server.withCookie(cookie).get('/api/me')).body;
    expect(me).toMatchObject({ role: 'owner', organization: { name: done.body.organization.name } });
    if (done.body.organization.name === 'Harbour Swim Club') {
      expect(me.organization).toMatchObject({ timeZone: 'Australia/Sydney', currency: 'AUD', locale: 'en-AU' });
      expect(me.user).toMatchObject({ name: 'Grace Tan', email: 'grace@harbour-swim.example' });
    }
    expect((await server.withCookie(cookie).get('/api/staff')).body).toHaveLength(1);
  });

  it('is over for good: the setup is refused and pages go to sign-in', async () => {
    expect((await server.as(null).get('/api/setup')).body).toEqual({ needed: false });
    const again = await server.as(null).post('/api/setup', setup({ ownerEmail: 'late@example.test' }));
    expect(again.status).toBe(409);
    expect(await pageRedirect('/')).toBeNull();
    expect(await pageRedirect('/welcome')).toBe('/login');
  });
});
