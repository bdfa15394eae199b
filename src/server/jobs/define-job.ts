import type { Database } from '../../db/client.js';

/**
 * Background jobs (docs/decisions/010-background-jobs.md). A job is one entry: a name, how
 * often it runs on its own (if at all), and what it does. The same `run` runs under pg-boss on
 * a PostgreSQL server and on an in-process timer on the embedded database.
 *
 *   defineJob({ name: 'send-email', everySeconds: 5, run: async ({ db }) => { … } })
 *   jobs.wake('send-email')                      // right after a write: run it soon, once
 *   jobs.send('invoice-run', data, { key })      // one job for this key, never two at once
 */
export interface JobDefinition<Data = unknown> {
  /** Letters, digits, '-' and '_': also the pg-boss queue's name. */
  name: string;
  /**
   * Runs it every so many seconds (on one server at a time: at most one run per interval
   * across all servers). Leave it out for a job that only runs when sent or woken.
   */
  everySeconds?: number;
  /**
   * How long one run may take before it counts as lost (its server died) and may be run
   * again elsewhere. Default 15 minutes.
   */
  timeoutSeconds?: number;
  run(context: JobContext<Data>): Promise<void>;
}

export interface JobContext<Data> {
  db: Database;
  /** What `send` passed; `null` for a run on the job's own schedule or after `wake`. */
  data: Data | null;
  /** Aborted when the server shuts down: stop at the next safe point (work is retried later). */
  signal: AbortSignal;
  log: JobLogger;
  /** Queues another job (e.g. one per organization); see {@link Jobs.send}. */
  send: Jobs['send'];
}

export interface JobLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** The running jobs of this server. */
export interface Jobs {
  /**
   * Queues one run of `name` with `data`. With a `key`, a job with the same name and key is
   * queued at most once a minute and never runs on two servers (or twice on one) at the
   * same time: the second finds the key taken and does nothing, so its run must check
   * whether the work is still to do.
   */
  send(name: string, data: unknown, options?: { key?: string }): Promise<void>;
  /**
   * Runs `name` soon (at once on this server; within two seconds on another), once however
   * often it is woken while that run waits; a wake while it runs runs it once more after.
   */
  wake(name: string): void;
  /** Stops scheduling, asks running jobs to stop (their signal), waits for them, closes connections. */
  stop(): Promise<void>;
}

export function defineJob<Data>(definition: JobDefinition<Data>): JobDefinition<Data> {
  if (!/^[A-Za-z0-9_-]+$/.test(definition.name)) throw new Error(`A job's name is letters, digits, '-' and '_': ${definition.name}`);
  if (definition.everySeconds !== undefined && !(definition.everySeconds >= 1)) throw new Error(`${definition.name}: everySeconds must be at least 1`);
  return definition;
}

/** Awaits `ms` unless the signal aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
