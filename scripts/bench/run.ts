import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import { LARGE_PASSWORD, LARGE_TIME_ZONE, largeOrganizations, seedLarge } from './large-org/seed.js';
import { httpClient, type HttpClient } from './load.js';
import { freePort, ROOT, startServer, type ServerProcess } from './processes.js';
import { summarizeProfile } from './profile.js';
import { benchAuthenticatedNoop, benchRead, chooseReadTargets, longestHistoryClient, warmRead } from './reads.js';
import { consoleTable, invoiceTable, writeLatestRun, type BenchResults } from './report.js';
import { openDatabase } from '../../src/db/client.js';
import { benchInvoiceRun, type InvoiceRunResult } from './invoices.js';
import { benchHello, benchTransferFloor, benchTransfersOverHttp, planTransfers, type CpuProbe } from './transfers.js';
import { buildWeb, emptyWebResult, measureBundle, measureInteractive, type WebResult } from './web.js';
import { runLighthouseBench, writeLighthouseSection } from './lighthouse.js';
import { benchSearch, writeSearchSection } from './search.js';

/**
 * `npm run bench`: the product's speed as ratios to what no application can beat on this
 * machine, in one run. Creates a fresh database on the PostgreSQL server of DATABASE_URL,
 * loads the large organizations, builds the web app, starts the API server as a child
 * process, measures, writes docs/performance.md, stops every process it started and drops
 * the database.
 *
 *   --scale N                size of the large organization (default 1)
 *   --concurrency N          concurrent clients for the transfer runs (default 32)
 *   --database NAME          use (and keep) this database instead of a fresh one; seeds it if empty
 *   --skip-web               leave out the web measurements
 *   --no-doc                 do not write docs/performance.md
 *   --only reads|transfers|invoices|search   a partial run, for working on one of them (prints; only search writes its section)
 *   --invoice-repeats N      repeats of the invoice run and its floor (default 3; medians are reported)
 *
 * BENCH_PROFILE_DIR=dir writes a CPU profile of the API server there and prints its summary;
 * BENCH_DEBUG=1 samples what the server's database connections wait on during the transfers.
 */
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '32' },
    database: { type: 'string' },
    'skip-web': { type: 'boolean', default: false },
    'no-doc': { type: 'boolean', default: false },
    only: { type: 'string' },
    'invoice-repeats': { type: 'string', default: '3' },
  },
});
const scale = Number(args.scale);
const concurrency = Number(args.concurrency);
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const began = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const startedAt = new Date().toISOString();
const loadBefore = loadavg()[0]!;
const doReads = args.only === undefined || args.only === 'reads';
const doTransfers = args.only === undefined || args.only === 'transfers';
const doInvoices = args.only === undefined || args.only === 'invoices';
const doSearch = args.only === undefined || args.only === 'search';
if (args.only !== undefined && !doReads && !doTransfers && !doInvoices && !doSearch) {
  console.error('--only takes reads, transfers, invoices or search');
  process.exit(1);
}

async function signIn(http: HttpClient, origin: string, email: string): Promise<string> {
  const response = await http.send('POST', '/api/auth/sign-in/email', { origin }, JSON.stringify({ email, password: LARGE_PASSWORD }));
  if (response.status !== 200) throw new Error(`Sign-in as ${email} answered ${response.status}: ${response.body}`);
  return (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
}

const ms = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(x < 10 ? 2 : 1));

const admin = new pg.Client({ connectionString: serverUrl });
// The database is dropped with its connections at the end; a connection ended that way is not an error here.
const ignore = () => {};
admin.on('error', ignore);
await admin.connect();
const databaseName = args.database ?? `bench_${Date.now()}_${process.pid}`;
const fresh = !args.database;
const url = new URL(serverUrl);
url.pathname = `/${databaseName}`;
const databaseUrl = url.toString();
const exists = (await admin.query('select 1 from pg_database where datname = $1', [databaseName])).rowCount === 1;
if (!exists) await admin.query(`create database ${databaseName}`);

const stops: (() => Promise<void>)[] = [];
try {
  const serverVersion = (await admin.query('show server_version')).rows[0].server_version as string;
  const today = Temporal.Now.plainDateISO(LARGE_TIME_ZONE);

  log(`seeding ${databaseName} at scale ${scale}…`);
  const seedStarted = performance.now();
  const seeded = await seedLarge({ databaseUrl, scale, today, log: (line) => log(`  ${line}`) });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // The load leaves ~500 MB for PostgreSQL's next checkpoint to write, spread over the next
  // minute — under the measurements. Written now, so every figure is taken in a steady state.
  await admin.query('checkpoint').catch((error: Error) => log(`  checkpoint skipped: ${error.message}`));
  const [large, control] = largeOrganizations(scale) as [ReturnType<typeof largeOrganizations>[number], ReturnType<typeof largeOrganizations>[number]];

  // Built before the server starts: it serves dist/web when that exists at start-up.
  let web: WebResult = emptyWebResult('not measured (--skip-web)');
  if (!args['skip-web'] && doReads) {
    log('building the web app (npx vite build)…');
    const build = buildWeb();
    if (build.ok) web = { ...emptyWebResult(''), ...measureBundle(), buildSeconds: build.seconds, skipped: undefined };
    else {
      web = emptyWebResult(build.reason);
      log(`  skipped: ${build.reason}`);
    }
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  log('starting the API server…');
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const server: ServerProcess = await startServer({
    entry: 'src/server/main.ts',
    port,
    // /api/me: 401 once the database is ready (503 while the server prepares it; /docs/json answers before).
    readyPath: '/api/me',
    ...(profileDir ? { profileDir } : {}),
    env: {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'warn',
      // Not production: cookies without Secure, so the browser keeps them on http://127.0.0.1.
      NODE_ENV: 'development',
      PUBLIC_URL: origin,
      AUTH_SECRET: randomBytes(24).toString('hex'),
      DATA_DIR: join(ROOT, 'data', 'bench'),
    },
  });
  stops.push(server.stop);
  const http = httpClient(server.baseUrl, concurrency * 2);
  stops.push(async () => http.close());
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency + 2 });
  pool.on('error', ignore);
  stops.push(() => pool.end());
  const sql = new pg.Client({ connectionString: databaseUrl });
  sql.on('error', ignore);
  await sql.connect();
  stops.push(() => sql.end());
  const probe = (withServer: boolean): CpuProbe => ({ admin, database: databaseName, ...(withServer ? { serverPid: server.pid } : {}) });
  const cookies = { large: await signIn(http, origin, large.logins.manager), control: await signIn(http, origin, control.logins.manager) };

  let reads: BenchResults['reads'] | undefined;
  let noop: BenchResults['noop'] | undefined;
  if (doReads) {
    noop = await benchAuthenticatedNoop({ http, cookie: cookies.large, iterations: 500, maxMs: 3000, cpu: probe(true) });
    log(`authenticated no-op GET /api/me: p50 ${ms(noop.latency.p50)} ms; CPU ${ms(noop.cpu?.apiServer)} ms server, ${ms(noop.cpu?.database)} ms database`);
    const targets = await chooseReadTargets(pool, {
      large: { id: large.id, cookie: cookies.large },
      control: { id: control.id, cookie: cookies.control },
      today,
      timeZone: LARGE_TIME_ZONE,
    });
    log(`reads: week of ${targets.large.week.from}; roster of ${targets.large.roster.sessionName} on ${targets.large.roster.date}`);
    const read = async (kind: 'schedule' | 'roster' | 'profile', clientId?: string) => {
      // Both organizations' requests warm the server first, so neither is measured with colder code than the other.
      if (!clientId) for (const side of ['large', 'control'] as const) await warmRead({ http, kind, targets: targets[side], count: 40 });
      const one = (side: 'large' | 'control') =>
        benchRead({ http, sql, kind, targets: targets[side], iterations: 300, maxMs: 5000, cpu: probe(true), ...(clientId ? { clientId } : {}) });
      const result = { large: await one('large'), control: clientId ? undefined : await one('control') };
      for (const [side, r] of Object.entries(result)) {
        if (!r) continue;
        if (r.rows !== r.rawRows) log(`  WARNING ${kind} ${side}: the API returned ${r.rows} rows, the raw query ${r.rawRows}`);
        log(
          `  ${kind} ${side}: api p50 ${ms(r.api.p50)} ms, raw p50 ${ms(r.raw.p50)} ms, ${r.rows} rows, ${r.bytes} bytes; ` +
            `CPU api ${ms(r.cpu?.api.apiServer)} + ${ms(r.cpu?.api.database)} ms, raw ${ms(r.cpu?.raw.database)} ms`,
        );
      }
      return result;
    };
    const schedule = await read('schedule');
    const roster = await read('roster');
    const profile = await read('profile');
    const longest = await longestHistoryClient(pool, large.id);
    const longProfile = { ...(await read('profile', longest.clientId)).large, invoices: longest.invoices };
    reads = {
      schedule: { large: schedule.large, control: schedule.control! },
      roster: { large: roster.large, control: roster.control! },
      profile: { large: profile.large, control: profile.control! },
      longProfile,
    };
    if (!web.skipped) {
      log('web: schedule interactive in headless Chromium…');
      web = { ...web, ...(await measureInteractive({ baseUrl: server.baseUrl, cookie: cookies.large, runs: 5 })) };
      log(
        `  initial JS ${(web.initialJsGzipBytes / 1024).toFixed(1)} KB gzip; interactive ${ms(web.interactiveMs ?? undefined)} ms ` +
          `(visited again: ${ms(web.warmInteractiveMs)} ms)${web.error ? `; ${web.error}` : ''}`,
      );
    }
  }

  if (doSearch) {
    const search = await benchSearch({ http, pool, organizationId: large.id, cookie: cookies.large, iterations: 400, maxMs: 8000 });
    log(`header search (${large.name}): p50 ${ms(search.all.p50)} ms, p90 ${ms(search.all.p90)} ms over ${search.all.count} queries`);
    for (const [kind, r] of Object.entries(search.byKind)) log(`  ${kind}: p50 ${ms(r.p50)} ms, p90 ${ms(r.p90)} ms (first query found ${search.found[kind]})`);
    // Its own section of docs/performance.md, written by `--only search` too.
    if (!args['no-doc']) writeSearchSection(search, { startedAt, loadAverage: loadBefore, organization: large.name });
  }

  let transfers: BenchResults['transfers'] | undefined;
  if (doTransfers) {
    const planned = await planTransfers(pool, { organizationId: large.id, today, timeZone: LARGE_TIME_ZONE, http: 1400, floor: 1400 });
    log(`transfers: ${planned.http.length} over HTTP, ${planned.floor.length} for the floor, ${concurrency} concurrent`);
    // BENCH_DEBUG: what the server's connections wait on during the run, sampled every 20 ms.
    const waits = new Map<string, number>();
    let sampling = Boolean(process.env.BENCH_DEBUG);
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await admin.query(
          `select coalesce(wait_event_type, 'cpu') || ':' || coalesce(wait_event, state) as w, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) as q
           from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and state <> 'idle'`,
          [databaseName],
        );
        for (const row of rows) waits.set(`${row.w} | ${row.q}`, (waits.get(`${row.w} | ${row.q}`) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const overHttp = await benchTransfersOverHttp({
      http,
      cookie: cookies.large,
      origin,
      transfers: planned.http,
      concurrency,
      warmup: 64,
      maxDurationMs: 30_000,
      cpu: probe(true),
    });
    sampling = false;
    await sampler;
    for (const [k, v] of [...waits].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(v).padStart(6), k);
    const describe = (r: typeof overHttp | Awaited<ReturnType<typeof benchTransferFloor>>) =>
      `${r.perSecond.toFixed(0)}/s, p50 ${ms(r.latency.p50)} ms, p99 ${ms(r.latency.p99)} ms, ${r.failures} failed` +
      `${r.firstFailure ? ` (${r.firstFailure})` : ''}; CPU per transfer ${ms(r.cpu?.apiServer)} ms server, ${ms(r.cpu?.database)} ms database`;
    log(`  http: ${describe(overHttp)}`);
    const floor = await benchTransferFloor({
      pool,
      organizationId: large.id,
      today: today.toString(),
      transfers: planned.floor,
      responseBody: overHttp.sampleBody || '{}',
      concurrency,
      warmup: 64,
      maxDurationMs: 30_000,
      cpu: probe(false),
    });
    log(`  floor: ${describe(floor)}`);
    const { sampleBody: _sample, ...httpResult } = overHttp;
    transfers = { http: httpResult, floor };
  }

  http.close();
  await server.stop();
  if (profileDir) console.log(summarizeProfile(profileDir));

  // Last: the run writes (and the bench deletes) a month of invoices; the server is stopped.
  let invoices: InvoiceRunResult | undefined;
  if (doInvoices) {
    log('invoice run: the 10-year organization, its floor (one INSERT … SELECT) and the 1-year organization…');
    const database = await openDatabase({ databaseUrl, poolSize: 4 });
    stops.push(() => database.close());
    invoices = await benchInvoiceRun({ db: database.db, pool, large: large.id, control: control.id, today, repeats: Number(args['invoice-repeats']), log });
  }

  if (invoices) console.log(`\n${invoiceTable(invoices)}\n`);
  if (!reads || !transfers || !noop || !invoices) {
    log('a partial run (--only): no table, no doc');
  } else {
    log('framework ceiling: Fastify hello world…');
    const helloServer = await startServer({ entry: 'scripts/bench/hello-server.ts', port: await freePort(), readyPath: '/hello', env: {} });
    stops.push(helloServer.stop);
    const helloHttp = httpClient(helloServer.baseUrl, concurrency * 2);
    const hello = await benchHello({ http: helloHttp, concurrency, durationMs: 5000 });
    helloHttp.close();
    await helloServer.stop();

    const results: BenchResults = {
      startedAt,
      durationSeconds: (performance.now() - began) / 1000,
      environment: {
        machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, shared with other work; 1-minute load average ${loadBefore.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`,
        'Node.js': process.version,
        PostgreSQL: `${serverVersion} at ${url.host}, a fresh database${fresh ? ' (dropped after the run)' : ` (${databaseName}, kept)`}`,
        scale: String(scale),
      },
      seed: { seconds: seedSeconds, organizations: seeded.map((o) => ({ name: o.name, stats: o.stats })) },
      noop,
      reads,
      transfers,
      invoices,
      hello,
      web,
    };
    console.log(`\n${consoleTable(results)}\n`);
    if (!args['no-doc']) {
      writeLatestRun(join(ROOT, 'docs', 'performance.md'), results);
      log('wrote docs/performance.md');
    }
  }
  // Lighthouse on the demo organization, on a server of its own (scripts/bench/lighthouse.ts), after the load runs.
  if (!args['skip-web'] && args.only === undefined) {
    const loadAverage = loadavg()[0]!;
    const figures = await runLighthouseBench(log);
    if (!args['no-doc']) writeLighthouseSection(figures, { startedAt: new Date().toISOString(), loadAverage });
  }
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  if (fresh) await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
  log(`done${fresh ? `; dropped ${databaseName}` : ''}`);
}
