import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authMembers, authSessions } from '../../../db/schema/index.js';
import { SESSION_EXPIRES_IN_SECONDS } from '../../auth/auth.js';
import { buildOrganization } from '../../../db/seed/builders.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

let server: TestServer;
let organizationId: string;
beforeAll(async () => {
  server = await startTestServer({ signInAttemptsPerMinute: 5 });
  organizationId = (await buildOrganization(server.db, { name: 'Login Test Swim' })).id;
});
afterAll(() => server.close());

describe('logging in and out', () => {
  it('signs in with email and password, shows who is logged in, signs out', async () => {
    const staff = await server.createStaff(organizationId, 'front_desk');
    const { response, cookie } = await server.signIn(staff.email, staff.password);
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const api = server.withCookie(cookie);
    const me = await api.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'front_desk', organization: { id: organizationId, name: 'Login Test Swim' } });
    expect(me.body.permissions).toContain('enrollment.write');
    expect(me.body.permissions).not.toContain('transfers.undo');

    const out = await api.post('/api/auth/sign-out', {});
    expect(out.status).toBe(200);
    expect((await api.get('/api/me')).status).toBe(401);
  });

  it('refuses a wrong password and an unknown email with the same message, hinting at neither', async () => {
    const staff = await server.createStaff(organizationId, 'manager');
    const wrongPassword = await server.signIn(staff.email, 'not-the-password');
    const unknownEmail = await server.signIn('nobody@example.test', staff.password);
    expect(wrongPassword.response.status).toBe(401);
    expect(unknownEmail.response.status).toBe(401);
    expect(wrongPassword.response.contentType).toMatch(/application\/problem\+json/);
    expect(wrongPassword.response.body.detail).toBe(unknownEmail.response.body.detail);
    expect(wrongPassword.response.body.detail).toMatch(/email and password do not match an account/i);
    expect(wrongPassword.cookie).toBe('');
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const address = '10.200.0.1';
    const statuses = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await server.signIn('guess@example.test', 'guess-guess-guess', address)).response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another address is not held back by the first one's attempts.
    expect((await server.signIn('guess@example.test', 'guess-guess-guess', '10.200.0.2')).response.status).toBe(401);
  });

  it('refuses a change sent from another site', async () => {
    const api = server.as(organizationId, 'owner');
    const crossSite = await api.post('/api/locations', { name: 'Forged Pool' }, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.code).toBe('CROSS_SITE_REQUEST');
    const sameSite = await api.post('/api/locations', { name: 'Real Pool' }, { origin: 'http://127.0.0.1' });
    expect(sameSite.status).toBe(201);
  });

  it('records the actor with every write', async () => {
    const api = server.as(organizationId, 'front_desk');
    const me = (await api.get('/api/me')).body;
    const family = await api.post('/api/families', { name: 'Audited' });
    const client = await api.post('/api/clients', { familyId: family.body.id, firstName: 'Ada', lastName: 'Audited' });
    const profile = await server.as(organizationId, 'owner').get(`/api/clients/${client.body.id}/profile`);
    expect(profile.body.history).toMatchObject([{ action: 'client.created', actorUserId: me.user.id, actorRole: 'front_desk' }]);
  });
});

describe('the session cookie on every request', () => {
  const signedInStaff = async () => {
    const staff = await server.createStaff(organizationId, 'front_desk');
    const { cookie } = await server.signIn(staff.email, staff.password);
    const [name, value] = cookie.split('=') as [string, string];
    const [token] = decodeURIComponent(value).split('.') as [string];
    return { staff, cookie, name, token };
  };
  const sessionOf = async (token: string) =>
    (await server.db.select().from(authSessions).where(eq(authSessions.token, token)))[0]!;

  it('refuses a cookie whose signature is missing or forged', async () => {
    const { name, token } = await signedInStaff();
    const forged = `${token}.${Buffer.alloc(32, 7).toString('base64')}`;
    for (const value of [token, encodeURIComponent(forged), 'garbage', '%E0%A4%A']) {
      const response = await server.withCookie(`${name}=${value}`).get('/api/me');
      expect(response.status, value).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses an expired session', async () => {
    const { cookie, token } = await signedInStaff();
    await server.db.update(authSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authSessions.token, token));
    expect((await server.withCookie(cookie).get('/api/me')).status).toBe(401);
  });

  it('extends a session in use once it is more than an hour old', async () => {
    const { cookie, token } = await signedInStaff();
    const twoHoursOld = new Date(Date.now() + (SESSION_EXPIRES_IN_SECONDS - 2 * 3600) * 1000);
    await server.db.update(authSessions).set({ expiresAt: twoHoursOld }).where(eq(authSessions.token, token));
    expect((await server.withCookie(cookie).get('/api/me')).status).toBe(200);
    const extended = (await sessionOf(token)).expiresAt.getTime();
    expect(extended).toBeGreaterThan(Date.now() + (SESSION_EXPIRES_IN_SECONDS - 60) * 1000);

    // Within the hour nothing is written.
    const recent = new Date(Date.now() + (SESSION_EXPIRES_IN_SECONDS - 600) * 1000);
    await server.db.update(authSessions).set({ expiresAt: recent }).where(eq(authSessions.token, token));
    expect((await server.withCookie(cookie).get('/api/me')).status).toBe(200);
    expect((await sessionOf(token)).expiresAt.getTime()).toBe(recent.getTime());
  });

  it('refuses a staff member removed from the organization while logged in', async () => {
    const { staff, cookie } = await signedInStaff();
    expect((await server.withCookie(cookie).get('/api/me')).status).toBe(200);
    await server.db.delete(authMembers).where(eq(authMembers.userId, staff.id));
    const response = await server.withCookie(cookie).get('/api/me');
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/not a staff member/);
  });
});
