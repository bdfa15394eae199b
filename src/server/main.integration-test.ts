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

describe('npm start', () => {
  it('migrates, loads the demo data and serves the API on the embedded database', async () => {
    const port = await freePort();
    const server = start({ PORT: port, DATA_DIR: dataDir });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForResponse(`${base}/docs/json`, server);
      const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_STAFF[0]!.email, password: DEMO_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const headers = { cookie: signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
      const organization = await fetch(`${base}/api/organization`, { headers });
      expect(await organization.json()).toMatchObject({ name: 'Riverside Swim School', timeZone: 'America/New_York' });
      const sessions = await (await fetch(`${base}/api/sessions?limit=200`, { headers })).json();
      expect(sessions.total).toBeGreaterThanOrEqual(20);
      const docs = await (await fetch(`${base}/docs/json`)).json();
      expect(Object.keys(docs.paths)).toContain('/api/schedule');
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  }, 90_000);

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
