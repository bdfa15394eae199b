import type { DatabaseHandle } from '../../db/client.js';
import type { JobDefinition, JobLogger, Jobs } from './define-job.js';
import { startInProcessJobs } from './in-process-jobs.js';
import { startPgBossJobs } from './pg-boss-jobs.js';

/** Jobs that never run (JOBS=off): sending and waking do nothing. */
export const noJobs: Jobs = { send: async () => undefined, wake: () => undefined, stop: async () => undefined };

/**
 * Starts this server's background jobs: pg-boss on a PostgreSQL server (DATABASE_URL), an
 * in-process timer on the embedded database; the same job definitions run on both.
 */
export async function startJobs(o: {
  database: DatabaseHandle;
  databaseUrl: string | undefined;
  jobs: readonly JobDefinition<never>[];
  log: JobLogger;
  /** pg-boss's schema on a PostgreSQL server (tests use their own). */
  schema?: string;
}): Promise<Jobs> {
  if (o.database.engine === 'postgres') {
    if (!o.databaseUrl) throw new Error('The jobs on a PostgreSQL server need its URL');
    return startPgBossJobs({ databaseUrl: o.databaseUrl, db: o.database.db, jobs: o.jobs, log: o.log, ...(o.schema ? { schema: o.schema } : {}) });
  }
  return startInProcessJobs({ db: o.database.db, jobs: o.jobs, log: o.log });
}
