import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

async function waitForResponse(url: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`No response from ${url}`);
}

describe('npm start', () => {
  it('migrates, loads the demo data and serves the API on the embedded database', async () => {
    const port = String(40_000 + Math.floor(Math.random() * 10_000));
    const server = start({ PORT: port, DATA_DIR: dataDir });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForResponse(`${base}/docs/json`);
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
  }, 60_000);

  it('stops with a message naming a bad setting', async () => {
    const server = start({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT');
  }, 30_000);
});
