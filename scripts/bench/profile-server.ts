import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LARGE_PASSWORD, largeOrganizations } from './large-org/seed.js';
import { httpClient, sequential } from './load.js';
import { summarizeProfile } from './profile.js';
import { freePort, ROOT, startServer } from './processes.js';

/**
 * Where the API server spends its CPU on one request: starts it with --cpu-prof on an
 * already seeded database (DATABASE_URL, e.g. one kept with `npm run bench -- --database
 * NAME`), sends the GET path given (as the large organization's manager) one request at a
 * time, stops it and prints self and inclusive time by function, and the latency.
 *
 *   npx tsx scripts/bench/profile-server.ts --path '/api/schedule?from=…&to=…' [--requests 300] [--history 10|1]
 */
const { values } = parseArgs({
  options: {
    path: { type: 'string' },
    requests: { type: 'string', default: '300' },
    top: { type: 'string', default: '40' },
    scale: { type: 'string', default: '1' },
    history: { type: 'string', default: '10' },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !values.path) {
  console.error('Set DATABASE_URL to a seeded database and give --path.');
  process.exit(1);
}
const organization = largeOrganizations(Number(values.scale)).find((o) => o.historyYears === Number(values.history))!;
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const profileDir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
const server = await startServer({
  entry: 'src/server/main.ts',
  port,
  readyPath: '/api/me', // 401 once the database is ready (503 while the server prepares it)
  profileDir,
  env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', PUBLIC_URL: origin, AUTH_SECRET: randomBytes(24).toString('hex'), DATA_DIR: join(ROOT, 'data', 'bench') },
});
const http = httpClient(origin, 4);
try {
  const signIn = await http.send('POST', '/api/auth/sign-in/email', { origin }, JSON.stringify({ email: organization.logins.manager, password: LARGE_PASSWORD }));
  const cookie = (signIn.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const latency = await sequential({
    warmup: 20,
    iterations: Number(values.requests),
    maxMs: 120_000,
    run: async () => {
      const response = await http.send('GET', values.path!, { cookie });
      if (response.status !== 200) throw new Error(`${response.status} ${response.body.slice(0, 300)}`);
    },
  });
  console.log(`latency: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms over ${latency.count} requests`);
} finally {
  http.close();
  await server.stop();
}
console.log(summarizeProfile(profileDir, Number(values.top)));
rmSync(profileDir, { recursive: true, force: true });
