import { request as httpRequest } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authMembers, authOrganizations, authUsers } from '../../../db/schema/index.js';
import { buildOrganization } from '../../../db/seed/builders.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

/**
 * Issue 16: better-auth's own endpoints bypassed the permission table and the audit, failed
 * with 500s, and accepted what sign-in later refused. Only the endpoints the app uses answer.
 */
let server: TestServer;
let organizationId: string;
let otherOrganizationId: string;
beforeAll(async () => {
  server = await startTestServer({ signInAttemptsPerAccount: 3 });
  organizationId = (await buildOrganization(server.db, { name: 'Endpoint Swim' })).id;
  otherOrganizationId = (await buildOrganization(server.db, { name: 'Secret Neighbour Gym' })).id;
});
afterAll(() => server.close());

/** A raw HTTP request, for what fetch will not send (a Host header of its own). */
function rawRequest(o: { method: string; path: string; headers: Record<string, string>; body?: string }) {
  const { port } = new URL(server.baseUrl);
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: o.method, path: o.path, headers: o.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, contentType: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

describe("better-auth's endpoints", () => {
  const blocked: [string, string, unknown][] = [
    ['GET', '/api/auth/organization/list-members', undefined],
    ['GET', '/api/auth/organization/get-full-organization', undefined],
    ['GET', '/api/auth/organization/list', undefined],
    ['POST', '/api/auth/organization/update-member-role', { memberId: 'x', role: 'owner' }],
    ['POST', '/api/auth/organization/invite-member', { email: 'new@example.test', role: 'owner' }],
    ['POST', '/api/auth/organization/delete', { organizationId: 'x' }],
    ['POST', '/api/auth/organization/set-active', { organizationId: null }],
    ['POST', '/api/auth/organization/create', { name: 'Mine', slug: 'mine' }],
    ['POST', '/api/auth/admin/set-role', { userId: 'x', role: 'admin' }],
    ['POST', '/api/auth/sign-up/email', { email: 'self@example.test', password: 'self-made-password', name: 'Self' }],
    ['GET', '/api/auth/get-session', undefined],
    ['GET', '/api/auth/list-sessions', undefined],
    ['POST', '/api/auth/revoke-sessions', {}],
    ['POST', '/api/auth/delete-user', {}],
    ['POST', '/api/auth/change-email', { newEmail: 'other@example.test' }],
  ];

  it.each(blocked)('answer %s %s with a 404 problem, even to the owner, and change nothing', async (method, path, body) => {
    const owner = server.as(organizationId, 'owner');
    expect((await owner.get('/api/me')).status).toBe(200);
    const membersBefore = await server.db.select().from(authMembers).where(eq(authMembers.organizationId, organizationId));
    const response = method === 'GET' ? await owner.get(path) : await owner.post(path, body);
    expect(response.status).toBe(404);
    expect(response.contentType).toMatch(/application\/problem\+json/);
    expect(await server.db.select().from(authMembers).where(eq(authMembers.organizationId, organizationId))).toEqual(membersBefore);
    expect(await server.db.select().from(authOrganizations).where(eq(authOrganizations.id, organizationId))).toHaveLength(1);
    // The session still acts for its organization.
    expect((await owner.get('/api/me')).body.organization.id).toBe(organizationId);
  });

  it('refuses deeply nested JSON and a broken Host header with a 4xx problem, never a 500', async () => {
    const nested = await server.as(null).post('/api/auth/sign-in/email', '['.repeat(5_000) + ']'.repeat(5_000));
    expect(nested.status).toBe(400);
    expect(nested.contentType).toMatch(/application\/problem\+json/);
    const deepObject = await server.as(null).post('/api/auth/sign-in/email', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`);
    expect(deepObject.status).toBe(400);

    for (const path of ['/api/auth/sign-in/email', '/api/setup', '/api/locations']) {
      const badHost = await rawRequest({
        method: 'POST',
        path,
        headers: { host: 'a b', 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.test', password: 'not-the-password' }),
      });
      expect({ path, status: badHost.status < 500 && badHost.status >= 400 }).toEqual({ path, status: true });
      expect(badHost.contentType).toMatch(/application\/problem\+json/);
    }
  });

  it('answers a refused sign-in as problem+json', async () => {
    const refused = await server.signIn('nobody@example.test', 'not-the-password');
    expect(refused.response.status).toBe(401);
    expect(refused.response.contentType).toMatch(/application\/problem\+json/);
    expect(refused.response.body).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it("lets a staff member change their own name, up to 200 characters, and nothing else of the account", async () => {
    const staff = await server.createStaff(organizationId, 'front_desk');
    const api = server.withCookie((await server.signIn(staff.email, staff.password)).cookie);
    const huge = await api.post('/api/auth/update-user', { name: 'n'.repeat(900_000) });
    expect(huge.status).toBe(400);
    expect(huge.body.fields.map((f: { field: string }) => f.field)).toEqual(['body.name']);
    const renamed = await api.post('/api/auth/update-user', { name: 'Dana Flores-Hill', image: 'https://evil.example/x.png', email: 'x@evil.example' });
    expect(renamed.status).toBe(200);
    const [user] = await server.db.select().from(authUsers).where(eq(authUsers.id, staff.id));
    expect(user).toMatchObject({ name: 'Dana Flores-Hill', email: staff.email, image: null });
  });
});

describe('the sign-in limit per account', () => {
  it('holds however the attempts rotate their address, and a correct password after the limit is refused too', async () => {
    const staff = await server.createStaff(organizationId, 'manager');
    const statuses = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      statuses.push((await server.signIn(staff.email, 'guess-guess-guess', `10.77.0.${attempt}`)).response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const correct = await server.signIn(staff.email.toUpperCase(), staff.password, '10.77.1.1');
    expect(correct.response.status).toBe(429);
    expect(correct.response.body.detail).toMatch(/too many sign-in attempts for this account/i);
    // Another account is not held back.
    const other = await server.createStaff(organizationId, 'manager');
    expect((await server.signIn(other.email, other.password, '10.77.0.1')).response.status).toBe(200);
  });

  it('starts afresh after a successful sign-in', async () => {
    const staff = await server.createStaff(organizationId, 'manager');
    await server.signIn(staff.email, 'guess-guess-guess');
    await server.signIn(staff.email, 'guess-guess-guess');
    expect((await server.signIn(staff.email, staff.password)).response.status).toBe(200);
    await server.signIn(staff.email, 'guess-guess-guess');
    await server.signIn(staff.email, 'guess-guess-guess');
    expect((await server.signIn(staff.email, staff.password)).response.status).toBe(200);
  });
});

describe('passwords', () => {
  it.each([
    ['129 characters, which sign-in would then refuse forever', 'p'.repeat(129), /at most 128 characters/],
    ['9 characters', 'short-pw1', /at least 10 characters/],
    ['a common password', '1234567890', /most common passwords/],
  ])('a new staff login with %s is refused', async (_what, password, message) => {
    const response = await server.as(organizationId, 'owner').post('/api/staff', {
      name: 'New Person',
      email: `new-${Math.random().toString(36).slice(2)}@example.test`,
      password,
      role: 'front_desk',
    });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ field: 'body.password', message: expect.stringMatching(message) }]);
  });

  it('a password change follows the policy and ends every other session of the account', async () => {
    const staff = await server.createStaff(organizationId, 'front_desk');
    const laptop = server.withCookie((await server.signIn(staff.email, staff.password)).cookie);
    const phone = server.withCookie((await server.signIn(staff.email, staff.password)).cookie);
    expect((await phone.get('/api/me')).status).toBe(200);

    const common = await laptop.post('/api/auth/change-password', { currentPassword: staff.password, newPassword: 'password123' });
    expect(common.status).toBe(400);
    const wrongCurrent = await laptop.post('/api/auth/change-password', { currentPassword: 'not-it-at-all', newPassword: 'otter-river-2031' });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.fields).toEqual([{ field: 'body.currentPassword', message: 'is not right' }]);

    const changed = await laptop.post('/api/auth/change-password', { currentPassword: staff.password, newPassword: 'otter-river-2031', revokeOtherSessions: false });
    expect(changed.status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await server.signIn(staff.email, 'otter-river-2031')).response.status).toBe(200);
    expect((await server.signIn(staff.email, staff.password)).response.status).toBe(401);
  });

  it("a staff email another organization already uses is refused with a 409 that names nothing of it", async () => {
    const neighbour = await server.createStaff(otherOrganizationId, 'owner');
    const response = await server.as(organizationId, 'owner').post('/api/staff', {
      name: 'Copy Cat',
      email: neighbour.email,
      password: 'long-enough-password',
      role: 'front_desk',
    });
    expect(response.status).toBe(409);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(neighbour.email);
    expect(text).not.toContain('Secret Neighbour Gym');
    expect(text).not.toContain(otherOrganizationId);
    expect(response.body.detail).toMatch(/already has a login/);
  });
});
