import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LARGE_PASSWORD, largeOrganizations, seedLarge } from '../../scripts/bench/large-org/seed.js';
import { todayIn } from '../domain/time/today.js';
import { runInvoices } from '../server/services/billing/invoice-run.js';
import { createFreshDatabase, rows, type FreshDatabase } from './support/databases.js';
import { apiFor, type Api } from './support/http.js';
import { recordFigures } from './support/report.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

/**
 * The daily invoice run of a large organization (the large seed's, about 5,300 active
 * subscriptions, its last invoices five weeks old) on the PostgreSQL server, against the
 * same run done once, undisturbed, on an identical copy:
 *  8a kill -9 of the server process in the middle of its run, restart: its job runs again;
 *  8b the run triggered twice at once on each of two servers (four runs at once);
 *  8c two servers started at the same moment, both schedulers sending the day's run.
 * Each time every subscription and period holds exactly the invoice the undisturbed run issued.
 */
const resultsDir = inject('reliabilityResultsDir');
const SEED_WEEKS_AGO = 5;
const [LARGE] = largeOrganizations(1).filter((o) => o.historyYears === 1);
const organizationId = LARGE!.id;

/**
 * The organization's zone for this run: one where it is now between 03:00 and 20:00, so its
 * 02:00 has come today (the schedule sends the run at once) and every run ends before midnight.
 */
const { timeZone, day } = (() => {
  for (const zone of ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Asia/Tokyo', 'Pacific/Auckland']) {
    const hour = Temporal.Now.zonedDateTimeISO(zone).hour;
    if (hour >= 3 && hour < 20) return { timeZone: zone, day: todayIn(zone) };
  }
  throw new Error('no zone between 03:00 and 20:00');
})();

const databases: FreshDatabase[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const server of servers) await server.kill9().catch(() => undefined);
  for (const database of databases) await database.drop().catch(() => undefined);
});

/** A fresh database with the large organization, billed up to five weeks ago, in the test's zone. */
async function seeded(label: string): Promise<FreshDatabase> {
  const database = await createFreshDatabase(label, { poolSize: 4, migrate: false });
  databases.push(database);
  await seedLarge({ databaseUrl: database.url, scale: 1, today: day.subtract({ weeks: SEED_WEEKS_AGO }), historyYears: [1] });
  await database.db.execute(sql`update organizations set time_zone = ${timeZone} where id = ${organizationId}`);
  return database;
}

/** The run's invoices: subscription, period and total, with how many live invoices each has. */
async function issuedByTheRun(database: FreshDatabase) {
  return rows<{ key: string; invoices: number }>(
    database.db,
    sql`select subscription_id || ' ' || period_start || ' ' || total as key, count(*)::int as invoices from invoices
        where organization_id = ${organizationId} and status <> 'void' and issued_on = ${day.toString()}
        group by 1 order by 1`,
  );
}

/** Every period billed twice (any day, any status but void): must be none. */
async function billedTwice(database: FreshDatabase) {
  const [row] = await rows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from (select 1 from invoices where organization_id = ${organizationId} and status <> 'void'
        group by subscription_id, period_start having count(*) > 1) twice`,
  );
  return row!.n;
}

async function runsOfTheDay(database: FreshDatabase) {
  return rows<{ finished: boolean; issued: number }>(
    database.db,
    sql`select finished_at is not null as finished, issued from invoice_runs where organization_id = ${organizationId} and run_on = ${day.toString()} order by created_at`,
  );
}

async function until(what: string, check: () => Promise<boolean>, seconds: number) {
  const end = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Not within ${seconds} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function signIn(server: ServerProcess): Promise<Api> {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: LARGE!.logins.manager, password: LARGE_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  return apiFor(server.baseUrl, response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
}

/** The undisturbed run's invoices, on a copy of its own. */
let expected: { key: string; invoices: number }[] = [];
let referenceSeconds = 0;

beforeAll(async () => {
  const reference = await seeded('invoice_run_reference');
  const started = performance.now();
  await runInvoices(reference.db, { organizationId, today: day });
  referenceSeconds = (performance.now() - started) / 1000;
  expected = await issuedByTheRun(reference);
  await reference.drop();
}, 240_000);

describe('the invoice run of a large organization, on the PostgreSQL server', () => {
  it('8a: kill -9 of the server process during its run, restart: every invoice exactly once', async () => {
    const started = Date.now();
    let found = '';
    try {
      expect(expected.length).toBeGreaterThan(3_000);
      const database = await seeded('invoice_run_crash');
      const count = async () => (await issuedByTheRun(database)).length;
      const first = await startServerProcess({ databaseUrl: database.url, jobs: true });
      servers.push(first);
      // Killed once about a third of the run's invoices are in: a batch or more committed, more to come.
      await until('the run has issued a third of its invoices', async () => (await count()) >= expected.length / 3, 120);
      await first.kill9();
      const atKill = await count();
      const runsAtKill = await runsOfTheDay(database);
      expect(atKill).toBeLessThan(expected.length);
      expect(runsAtKill.filter((r) => r.finished)).toEqual([]);

      const second = await startServerProcess({ databaseUrl: database.url, jobs: true });
      servers.push(second);
      await until('a finished run of the day after the restart', async () => (await runsOfTheDay(database)).some((r) => r.finished), 240);
      const restartedAfter = Math.round((Date.now() - started) / 1000);
      expect(await second.stop()).toBe(0);

      const issued = await issuedByTheRun(database);
      expect(issued.filter((r) => r.invoices !== 1)).toEqual([]);
      expect(issued).toEqual(expected);
      expect(await billedTwice(database)).toBe(0);
      const runs = await runsOfTheDay(database);
      found =
        `killed at ${atKill.toLocaleString('en-US')} of ${expected.length.toLocaleString('en-US')} invoices (the run recorded, not finished); ` +
        `after the restart its job ran again (finished ${restartedAfter} s after the first start) and issued the other ` +
        `${runs.find((r) => r.finished)!.issued.toLocaleString('en-US')}: every subscription and period exactly once, ` +
        `identical to the undisturbed run (subscription, period, total); 0 periods billed twice`;
    } finally {
      recordFigures(resultsDir, {
        order: '8a',
        test: 'Invoice run: kill -9 of the server process during the daily run of a large organization, restart',
        load: `large seed (1 year of history, ~5,300 active subscriptions, billed ${SEED_WEEKS_AGO} weeks ago), run as of ${day} in ${timeZone}: ${expected.length.toLocaleString('en-US')} invoices (undisturbed: ${referenceSeconds.toFixed(1)} s); 1 kill`,
        found: found || 'failed (see the test output)',
        fixed: 'nothing needed: one transaction per batch; the run is recorded when it starts and when it finishes, and an unfinished day is sent again',
        seconds: Math.round((Date.now() - started) / 1000),
        passed: found !== '',
      });
    }
  });

  it('8b: the run triggered twice at once on each of two servers: every invoice exactly once', async () => {
    const started = Date.now();
    let found = '';
    try {
      const database = await seeded('invoice_run_twice');
      const pair = await Promise.all([1, 2].map(() => startServerProcess({ databaseUrl: database.url })));
      servers.push(...pair);
      const apis = await Promise.all(pair.map(signIn));
      const replies = await Promise.all(apis.flatMap((api) => [api.post('/api/invoice-runs', {}), api.post('/api/invoice-runs', {})]));
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(replies.every((r) => r.body.runOn === day.toString())).toBe(true);
      const issuedPerRun = replies.map((r) => r.body.issued as number);
      expect(issuedPerRun.reduce((a, b) => a + b, 0)).toBe(expected.length);
      for (const server of pair) expect(await server.stop()).toBe(0);

      const issued = await issuedByTheRun(database);
      expect(issued).toEqual(expected);
      expect(await billedTwice(database)).toBe(0);
      found =
        `4 runs at once answered 200, issuing ${issuedPerRun.map((n) => n.toLocaleString('en-US')).join(' + ')} = ` +
        `${expected.length.toLocaleString('en-US')}: every subscription and period exactly once, identical to the undisturbed run; 0 periods billed twice`;
    } finally {
      recordFigures(resultsDir, {
        order: '8b',
        test: 'Invoice run triggered twice at once on each of two servers (POST /api/invoice-runs)',
        load: `the same large organization and day: 4 concurrent runs, ${expected.length.toLocaleString('en-US')} invoices to issue`,
        found: found || 'failed (see the test output)',
        fixed: 'nothing needed: the unique index over live invoices (insert … on conflict do nothing)',
        seconds: Math.round((Date.now() - started) / 1000),
        passed: found !== '',
      });
    }
  });

  it('8c: two servers started at the same moment, both schedulers sending the day’s run: one run, every invoice exactly once', async () => {
    const started = Date.now();
    let found = '';
    try {
      const database = await seeded('invoice_run_schedulers');
      const pair = await Promise.all([1, 2].map(() => startServerProcess({ databaseUrl: database.url, jobs: true })));
      servers.push(...pair);
      await until('a finished run of the day', async () => (await runsOfTheDay(database)).some((r) => r.finished), 240);
      // Two more minutes of both schedulers: a second run would start within them.
      await new Promise((resolve) => setTimeout(resolve, 65_000));
      for (const server of pair) expect(await server.stop()).toBe(0);

      const runs = await runsOfTheDay(database);
      expect(runs).toEqual([{ finished: true, issued: expected.length }]);
      const issued = await issuedByTheRun(database);
      expect(issued).toEqual(expected);
      expect(await billedTwice(database)).toBe(0);
      const [jobs] = await rows<{ sent: number }>(
        database.db,
        sql`select count(*)::int as sent from pgboss.job where name = 'invoice-run'`,
      );
      found =
        `both started (pg-boss set up once, under the lock); ${jobs!.sent} invoice-run job${jobs!.sent === 1 ? '' : 's'} queued for the day, ` +
        `1 run recorded, issuing ${expected.length.toLocaleString('en-US')}: every subscription and period exactly once, identical to the undisturbed run`;
    } finally {
      recordFigures(resultsDir, {
        order: '8c',
        test: 'Invoice run: two server processes started together, both schedulers running (pg-boss)',
        load: `the same large organization and day; both servers' schedulers every minute for over a minute after the run`,
        found: found || 'failed (see the test output)',
        fixed: 'nothing needed: the day’s job is throttled by its key in pg-boss and runs under a session advisory lock on the key',
        seconds: Math.round((Date.now() - started) / 1000),
        passed: found !== '',
      });
    }
  });
});
