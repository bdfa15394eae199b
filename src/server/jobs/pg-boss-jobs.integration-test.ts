import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase, itOnServer } from '../../db/testing/test-database.js';
import { defineJob, sleep, type JobDefinition, type Jobs } from './define-job.js';
import { startPgBossJobs } from './pg-boss-jobs.js';
import { startJobs } from './start-jobs.js';

/**
 * pg-boss on the PostgreSQL server, as two API servers run it: two job runners on one
 * database, in a schema of this test's own (dropped afterwards). Only on the server engine:
 * on the embedded database the jobs run in-process (in-process-jobs.test.ts).
 */
const databaseUrl = inject('testDatabaseUrl');
const schema = `pgboss_test_${process.pid}`;
const warnings: string[] = [];
const log = { info: () => undefined, warn: (_: object, message: string) => void warnings.push(message), error: (_: object, message: string) => void warnings.push(message) };
const started: Jobs[] = [];
afterAll(async () => {
  for (const jobs of started) await jobs.stop();
  if (!databaseUrl) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

const until = async (check: () => boolean, ms = 15_000) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await sleep(50);
  expect(check()).toBe(true);
};

describe('the jobs of either engine', () => {
  it('run a job sent to them with its data, and stop: pg-boss on the server, in-process on the embedded database', async () => {
    const database = await openTestDatabase();
    try {
      const seen: unknown[] = [];
      const jobs = await startJobs({
        database,
        databaseUrl: databaseUrl ?? undefined,
        schema,
        log,
        jobs: [defineJob<{ n: number }>({ name: 'echo', run: async ({ data }) => void seen.push(data) })] as JobDefinition<never>[],
      });
      await jobs.send('echo', { n: 7 });
      await until(() => seen.length === 1);
      expect(seen).toEqual([{ n: 7 }]);
      await jobs.stop();
    } finally {
      await database.close();
    }
  }, 30_000);

  itOnServer('pg-boss, two servers at once: both start together on a new schema; a keyed job sent by both runs once, never twice at once; a schedule runs once per interval across both; wake runs soon; stop lets go of every connection', async () => {
    const database = await openTestDatabase();
    const counts = { keyed: 0, keyedAtOnce: 0, keyedMost: 0, every: 0, woken: 0 };
    const definitions = [
      defineJob({
        name: 'keyed',
        run: async () => {
          counts.keyed++;
          counts.keyedMost = Math.max(counts.keyedMost, ++counts.keyedAtOnce);
          await sleep(1_500);
          counts.keyedAtOnce--;
        },
      }),
      defineJob({ name: 'every', everySeconds: 2, run: async () => void counts.every++ }),
      defineJob({ name: 'woken', run: async () => void counts.woken++ }),
    ] as JobDefinition<never>[];
    try {
      const servers = await Promise.all([1, 2].map(() => startPgBossJobs({ databaseUrl: databaseUrl as string, db: database.db, jobs: definitions, log, schema })));
      started.push(...servers);

      await Promise.all(servers.flatMap((s) => [1, 2, 3].map(() => s.send('keyed', { organizationId: 'o1' }, { key: 'o1:2027-03-25' }))));
      await until(() => counts.keyed === 1);
      const everyStarted = Date.now();

      const beforeWake = Date.now();
      servers[0]!.wake('woken');
      servers[0]!.wake('woken');
      servers[1]!.wake('woken');
      await until(() => counts.woken >= 1, 10_000);
      // At once on an idle machine; this one is shared, so within a few seconds.
      expect(Date.now() - beforeWake, warnings.join('\n')).toBeLessThan(5_000);
      // Three wakes are one run, or two when the last came while the first was running (a wake
      // during a run queues one more): never three.
      await sleep(1_500);
      const afterThreeWakes = counts.woken;
      expect(afterThreeWakes).toBeLessThanOrEqual(2);
      // Woken again after it ran: it runs again.
      servers[1]!.wake('woken');
      await until(() => counts.woken === afterThreeWakes + 1, 10_000);

      await sleep(5_000);
      expect(counts.keyed).toBe(1);
      expect(counts.keyedMost).toBe(1);
      expect(counts.woken).toBe(afterThreeWakes + 1);
      expect(warnings).toEqual([]);
      // One run per 2-second slot across both servers (each server's timer sends every 2 s).
      const slots = Math.ceil((Date.now() - everyStarted) / 2_000) + 2;
      expect(counts.every).toBeGreaterThanOrEqual(2);
      expect(counts.every).toBeLessThanOrEqual(slots);

      for (const server of servers.splice(0)) await server.stop();
      started.length = 0;
      const client = new pg.Client({ connectionString: databaseUrl as string });
      await client.connect();
      const { rows } = await client.query(`select count(*)::int as n from pg_stat_activity where application_name like 'transfers-job%'`);
      await client.end();
      expect(rows[0].n).toBe(0);
    } finally {
      await database.close();
    }
  }, 60_000);
});
