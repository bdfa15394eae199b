import { randomUUID } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.js';
import type { JobDefinition, JobLogger, Jobs } from './define-job.js';

/** pg-boss's tables live in their own schema, apart from the application's. */
export const JOBS_SCHEMA = 'pgboss';
/** How often each server's workers look for queued jobs (a `wake` on this server does not wait for it). */
const POLL_SECONDS = 2;
/** A keyed job is queued at most once per this many seconds (pg-boss throttling by singleton key). */
const KEYED_THROTTLE_SECONDS = 60;

/** What travels in a pg-boss job: the sender's data and the key it was sent with. */
interface Envelope {
  data: unknown;
  key: string | null;
}

/**
 * The jobs on a PostgreSQL server, with pg-boss 10 in its own schema (decision 010). Safe with
 * several servers at once:
 *  - set-up (pg-boss's schema and the queues) runs under a session advisory lock, so servers
 *    starting together take turns;
 *  - a job's own schedule is sent by every server's timer, but pg-boss's throttle (singleton
 *    key + seconds, a unique index) keeps one job per interval across all servers;
 *  - queues are pg-boss's 'short' policy: one job per singleton key waiting, so wakes while
 *    one waits are that one, and a wake while it runs queues one more;
 *  - a keyed job runs only while its server holds a session advisory lock on the key, on a
 *    connection of its own: a second server (or a job still running after its time-out) finds
 *    the key taken and does nothing, and a server that dies lets go of it with its connection.
 */
export async function startPgBossJobs(o: {
  databaseUrl: string;
  db: Database;
  jobs: readonly JobDefinition<never>[];
  log: JobLogger;
  /** pg-boss's schema (tests use one of their own). */
  schema?: string;
}): Promise<Jobs> {
  const schema = o.schema ?? JOBS_SCHEMA;
  const boss = new PgBoss({
    connectionString: o.databaseUrl,
    schema,
    application_name: 'transfers-jobs',
    max: 3,
    // No cron: schedules are `everySeconds`, sent by each server's timer and throttled by pg-boss.
    schedule: false,
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 7,
  });
  boss.on('error', (error: Error) => o.log.warn({ err: error }, `background jobs: ${error.message}`));
  await withSetupLock(o.databaseUrl, schema, async () => {
    await boss.start();
    for (const job of o.jobs) {
      // A lost run (its server died) is not retried by pg-boss: the job's next turn, or the next
      // send of its key, does what is still to do.
      // 'short': at most one job per singleton key waiting (state created): a wake while one
      // waits is that one, a wake while one runs queues the next.
      const options = { name: job.name, policy: 'short' as const, retryLimit: 0, expireInSeconds: job.timeoutSeconds ?? 900 };
      await boss.createQueue(job.name, options);
      await boss.updateQueue(job.name, options);
    }
  });

  const stopping = new AbortController();
  const timers: NodeJS.Timeout[] = [];
  const workerIds = new Map<string, string>();
  const lockClients = new Set<pg.Client>();

  const jobs: Jobs = {
    async send(name, data, options = {}) {
      const envelope: Envelope = { data, key: options.key ?? null };
      await boss.send(
        name,
        envelope as object,
        // Without a key every send is its own job (a key of its own, as the queue is 'short').
        options.key === undefined ? { singletonKey: randomUUID() } : { singletonKey: options.key, singletonSeconds: KEYED_THROTTLE_SECONDS },
      );
    },
    wake(name) {
      // Wakes while one waits are that one (the queue is 'short'); this server's worker looks at once.
      void boss
        .send(name, { data: null, key: null } satisfies Envelope, { singletonKey: 'wake' })
        .then(() => workerIds.has(name) && boss.notifyWorker(workerIds.get(name)!))
        .catch((error: Error) => o.log.warn({ err: error, job: name }, `could not wake ${name}: ${error.message}`));
    },
    async stop() {
      stopping.abort();
      for (const timer of timers) clearInterval(timer);
      // Waits for running jobs (they see the signal and stop at a safe point), then closes pg-boss's pool.
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
      await Promise.all([...lockClients].map((client) => client.end().catch(() => undefined)));
    },
  };

  async function runJob(job: JobDefinition<never>, envelope: Envelope) {
    const context = { db: o.db, data: envelope.data as never, signal: stopping.signal, log: o.log, send: jobs.send };
    if (envelope.key === null) return job.run(context);
    const client = new pg.Client({ connectionString: o.databaseUrl, application_name: `transfers-job-lock` });
    client.on('error', () => undefined);
    lockClients.add(client);
    try {
      await client.connect();
      const lockKey = `${schema}:${job.name}:${envelope.key}`;
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as locked', [lockKey]);
      if (!rows[0]!.locked) {
        o.log.info({ job: job.name, key: envelope.key }, `${job.name} ${envelope.key} is running elsewhere`);
        return;
      }
      await job.run(context);
    } finally {
      // Ending the connection lets go of the lock.
      lockClients.delete(client);
      await client.end().catch(() => undefined);
    }
  }

  for (const job of o.jobs) {
    workerIds.set(
      job.name,
      await boss.work<Envelope>(job.name, { pollingIntervalSeconds: POLL_SECONDS, batchSize: 1 }, async ([pgJob]) => {
        try {
          await runJob(job, pgJob!.data);
        } catch (error) {
          o.log.error({ job: job.name, err: error }, `job ${job.name} failed; it runs again on its next turn`);
          throw error;
        }
      }),
    );
    if (job.everySeconds !== undefined) {
      const every = job.everySeconds;
      const tick = () =>
        void boss
          .send(job.name, { data: null, key: null } satisfies Envelope, { singletonKey: 'every', singletonSeconds: every })
          .catch((error: Error) => o.log.warn({ err: error, job: job.name }, `could not schedule ${job.name}: ${error.message}`));
      // At start too: after downtime the first turn catches up at once.
      tick();
      timers.push(setInterval(tick, every * 1000));
    }
  }
  return jobs;
}

/** Runs pg-boss's set-up while holding a session advisory lock, so servers starting together take turns. */
async function withSetupLock(databaseUrl: string, schema: string, setUp: () => Promise<void>) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'transfers-jobs-setup' });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtextextended($1, 0))`, [`transfers:jobs-setup:${schema}`]);
    await setUp();
  } finally {
    await client.end();
  }
}
