import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization } from '../../db/seed/builders.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/**
 * Issue 16: no security headers anywhere, the app could be framed, /docs was public in
 * production, and a forwarded host passed the cross-site check from any client.
 */
const inlineScript = "window.__early = fetch('/api/me');";
const webApp = mkdtempSync(join(tmpdir(), 'web-app-'));
mkdirSync(join(webApp, 'assets'));
writeFileSync(join(webApp, 'index.html'), `<!doctype html><html><head><script>${inlineScript}</script></head><body><script type="module" src="/assets/app.js"></script></body></html>`);
writeFileSync(join(webApp, 'assets', 'app.js'), 'console.log(1);');

let server: TestServer;
let production: TestServer;
let organizationId: string;
beforeAll(async () => {
  server = await startTestServer({ webAppDirectory: webApp });
  organizationId = (await buildOrganization(server.db, { name: 'Header Swim' })).id;
  production = await startTestServer({ webAppDirectory: webApp, hsts: true, apiDocs: false, trustProxy: false });
});
afterAll(async () => {
  await server.close();
  await production.close();
  rmSync(webApp, { recursive: true, force: true });
});

const expectedHash = `'sha256-${createHash('sha256').update(inlineScript).digest('base64')}'`;

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  it.each([
    ['the HTML of a page', '/clients/123', 200],
    ['the HTML of the start page', '/', 200],
    ['a static file', '/assets/app.js', 200],
    ['an API answer', '/api/me', 200],
    ['an API refusal', '/api/me', 401],
    ['an unknown API route', '/api/nothing-here', 404],
  ])('are on %s', async (_what, path, status) => {
    const api = status === 401 ? server.as(null) : server.as(organizationId, 'front_desk');
    const response = await api.get(path);
    expect(response.status).toBe(status);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", expectedHash]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('leave the HTML of a page to be asked for again every time (a new release, the end of the first run)', async () => {
    expect((await server.as(null).get('/clients/123')).headers.get('cache-control')).toBe('no-cache');
  });

  it('allow no inline script but the hashed one: no unsafe-inline, no unsafe-eval', async () => {
    const csp = (await server.as(null).get('/')).headers.get('content-security-policy')!;
    expect(directives(csp).get('script-src')!.join(' ')).not.toMatch(/unsafe/);
  });

  it('include HSTS in production', async () => {
    for (const path of ['/', '/api/me', '/assets/app.js']) {
      const response = await production.as(null).get(path);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(directives(response.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
    }
  });
});

describe('the API docs', () => {
  it('are served when configured (the default outside production)', async () => {
    expect((await server.as(null).get('/docs/json')).status).toBe(200);
    expect((await server.as(null).get('/docs')).status).toBe(200);
  });

  it('are not there when API_DOCS is off (the default in production)', async () => {
    for (const path of ['/docs', '/docs/json', '/docs/static/index.html']) {
      const response = await production.as(null).get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.contentType).toMatch(/application\/problem\+json/);
    }
  });
});

describe('forwarded headers', () => {
  it('count for the cross-site check only from a trusted proxy', async () => {
    const productionOrganization = await buildOrganization(production.db, { name: 'Proxy Swim' });
    const staff = await production.createStaff(productionOrganization.id, 'owner');
    const api = production.withCookie((await production.signIn(staff.email, staff.password)).cookie);
    const forged = await api.post('/api/locations', { name: 'Forged Pool' }, { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('CROSS_SITE_REQUEST');

    // The test server trusts its client (127.0.0.1) as its proxy: there the forwarded host is the request's own.
    const owner = server.as(organizationId, 'owner');
    const proxied = await owner.post('/api/locations', { name: 'Proxied Pool' }, { origin: 'https://swim.example', 'x-forwarded-host': 'swim.example', 'x-forwarded-proto': 'https' });
    expect(proxied.status).toBe(201);
  });

  it('do not choose the client address unless the proxy is trusted', async () => {
    // Untrusted: every attempt counts against the one real address, whatever X-Forwarded-For says.
    const limited = await startTestServer({ trustProxy: false, signInAttemptsPerMinute: 3 });
    try {
      const statuses = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        statuses.push((await limited.signIn(`nobody-${attempt}@example.test`, 'guess-guess-guess', `10.88.0.${attempt}`)).response.status);
      }
      // Other tests on a shared server database may have counted 127.0.0.1 too: at the latest the fourth is refused.
      expect(statuses[3]).toBe(429);
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    } finally {
      await limited.close();
    }
  });
});
