import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { staffRepository } from '../db/repositories/staff-repository.js';
import { buildOrganization } from '../db/seed/builders.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../db/seed/demo-staff.js';

const dataDir = mkdtempSync(join(tmpdir(), 'main-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm start`'s entry point as a child process, as a new user would. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** A port nothing listens on now (asked of the system, not guessed: other tests' servers take ephemeral ports too). */
async function freePort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return String(port);
}

/** The first answer from the server; fails at once, with what it printed, if it stops first. */
async function waitForResponse(url: string, server: ReturnType<typeof start>) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (server.child.exitCode !== null) throw new Error(`The server stopped (${server.child.exitCode}):\n${server.output()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`No response from ${url} within a minute; the server printed:\n${server.output()}`);
}

/** Asks until the answer is not "the demo data is loading" (503), as the page the server sends while it loads does. */
async function waitUntilLoaded(url: string, server: ReturnType<typeof start>) {
  for (;;) {
    const response = await waitForResponse(url, server);
    if (response.status !== 503) return response;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function signInAsOwner(base: string) {
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_STAFF[0]!.email, password: DEMO_PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  return { cookie: signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

/** What the demo is made of, as the owner sees it: enough to tell a complete demo from a partial one. */
async function demoContents(base: string) {
  const headers = await signInAsOwner(base);
  const organization = await (await fetch(`${base}/api/organization`, { headers })).json();
  const sessions = await (await fetch(`${base}/api/sessions?limit=200`, { headers })).json();
  const clients = await (await fetch(`${base}/api/clients?limit=1`, { headers })).json();
  // Billed too (the demo's last step): the README's example client has her invoices.
  const [maya] = (await (await fetch(`${base}/api/clients?search=maya%20patel`, { headers })).json()).items;
  const profile = await (await fetch(`${base}/api/clients/${maya.id}/profile`, { headers })).json();
  return {
    organization: { name: organization.name, timeZone: organization.timeZone },
    sessions: sessions.total,
    clients: clients.total,
    mayasInvoices: profile.invoices.length,
  };
}

describe('npm start', () => {
  it('listens before the demo data is loaded, says it is loading meanwhile, then serves the complete demo; a second start keeps it as it is', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = start({ PORT: port, DATA_DIR: dataDir });
    let loaded: Awaited<ReturnType<typeof demoContents>>;
    try {
      // The first answer comes while the demo is still being written (it takes far longer than migrating).
      const first = await waitForResponse(`${base}/api/me`, server);
      expect(first.status).toBe(503);
      expect(first.headers.get('retry-after')).toBe('5');
      expect(first.headers.get('content-type')).toContain('application/problem+json');
      expect(await first.json()).toMatchObject({ code: 'DEMO_LOADING', detail: 'The demo data is loading; try again in a few seconds.' });
      // A browser asking for a page gets one that says so and reloads itself, not the first-run setup.
      const page = await fetch(`${base}/clients`, { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect(page.status).toBe(503);
      const html = await page.text();
      expect(html).toContain('The demo data is loading');
      expect(html).toContain('http-equiv="refresh"');
      // The API's description needs no data and is there at once.
      expect(Object.keys((await (await fetch(`${base}/docs/json`)).json()).paths)).toContain('/api/schedule');

      expect((await waitUntilLoaded(`${base}/api/me`, server)).status).toBe(401);
      loaded = await demoContents(base);
      expect(loaded.organization).toEqual({ name: 'Riverside Swim School', timeZone: 'America/New_York' });
      expect(loaded.sessions).toBeGreaterThanOrEqual(20);
      expect(loaded.clients).toBeGreaterThanOrEqual(20);
      expect(loaded.mayasInvoices).toBeGreaterThan(0);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);

    // The second start on the same data: the same demo, nothing added twice.
    const again = start({ PORT: port, DATA_DIR: dataDir });
    try {
      expect((await waitUntilLoaded(`${base}/api/me`, again)).status).toBe(401);
      expect(await demoContents(base)).toEqual(loaded);
    } finally {
      again.child.kill('SIGTERM');
    }
    expect(await again.exited).toBe(0);
  }, 240_000);

  it('in production on an empty database: no demo logins, no /docs, the first run still to come', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'main-production-'));
    const port = await freePort();
    const server = start({ PORT: port, DATA_DIR: emptyDir, NODE_ENV: 'production' });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForResponse(`${base}/api/setup`, server);
      expect(await (await fetch(`${base}/api/setup`)).json()).toEqual({ needed: true });
      for (const { email } of DEMO_STAFF) {
        const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: DEMO_PASSWORD }),
        });
        expect({ email, status: signIn.status }).toEqual({ email, status: 401 });
      }
      expect((await fetch(`${base}/docs/json`)).status).toBe(404);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('refuses to start in production on a database with the demo logins, saying why', async () => {
    // A database with one demo login (of its own, so this does not wait for the whole demo to load).
    const demoDir = mkdtempSync(join(tmpdir(), 'main-demo-login-'));
    const database = await openDatabase({ dataDir: demoDir });
    await database.migrate();
    const organization = await buildOrganization(database.db, { name: 'Demo Leftover' });
    await staffRepository.create(database.db, { ...DEMO_STAFF[0]!, organizationId: organization.id, password: DEMO_PASSWORD });
    await database.close();
    try {
      const server = start({ PORT: await freePort(), DATA_DIR: demoDir, NODE_ENV: 'production' });
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain('demo logins');
      expect(server.output()).toContain('owner@riverside-swim.example.com');
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('refuses DEMO_DATA=true in production, naming it', async () => {
    const server = start({ PORT: await freePort(), DATA_DIR: dataDir, NODE_ENV: 'production', DEMO_DATA: 'true' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('DEMO_DATA');
  }, 30_000);

  it('stops with a message naming a bad setting', async () => {
    const server = start({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT');
  }, 30_000);
});
