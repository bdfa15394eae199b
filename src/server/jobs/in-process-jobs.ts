import type { Database } from '../../db/client.js';
import type { JobDefinition, JobLogger, Jobs } from './define-job.js';

interface Queued {
  data: unknown;
  /** What makes two sends the same job: a key given to send, or the schedule's and wake's own. */
  key: string;
}

/**
 * The jobs on the embedded database (one process owns it): each job has a queue in memory and
 * runs one item at a time, on a timer for its `everySeconds`. A key already waiting is not
 * queued again (one that is running is queued once more, to run after it), which is what pg-boss's singleton keys and the advisory lock give on a
 * PostgreSQL server. Nothing survives a restart, and nothing needs to: every job's run checks
 * what is still to do (the invoice run looks at the day's recorded runs).
 */
export function startInProcessJobs(o: { db: Database; jobs: readonly JobDefinition<never>[]; log: JobLogger }): Jobs {
  const stopping = new AbortController();
  const timers: NodeJS.Timeout[] = [];
  const queues = new Map<string, Queued[]>();
  const taken = new Map<string, Set<string>>();
  const draining = new Map<string, Promise<void>>();
  const byName = new Map(o.jobs.map((job) => [job.name, job]));

  const jobs: Jobs = {
    async send(name, data, options = {}) {
      enqueue(name, { data, key: options.key === undefined ? `send:${crypto.randomUUID()}` : `key:${options.key}` });
    },
    wake(name) {
      enqueue(name, { data: null, key: 'wake' });
    },
    async stop() {
      stopping.abort();
      for (const timer of timers) clearInterval(timer);
      await Promise.all(draining.values());
    },
  };

  function enqueue(name: string, item: Queued) {
    const job = byName.get(name);
    if (!job) throw new Error(`No job is named ${name}`);
    if (stopping.signal.aborted) return;
    const keys = taken.get(name) ?? new Set<string>();
    taken.set(name, keys);
    if (keys.has(item.key)) return;
    keys.add(item.key);
    queues.set(name, [...(queues.get(name) ?? []), item]);
    kick(job, keys);
  }

  /** Starts the job's loop unless it runs; a loop ending with work queued meanwhile starts again. */
  function kick(job: JobDefinition<never>, keys: Set<string>) {
    if (draining.has(job.name) || stopping.signal.aborted) return;
    // Started on the next turn, so a burst of sends or wakes in this one is queued first.
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => drain(job, keys))
      .finally(() => {
        draining.delete(job.name);
        if ((queues.get(job.name)?.length ?? 0) > 0) kick(job, keys);
      });
    draining.set(job.name, done);
  }

  async function drain(job: JobDefinition<never>, keys: Set<string>) {
    for (let item = queues.get(job.name)?.shift(); item && !stopping.signal.aborted; item = queues.get(job.name)?.shift()) {
      // Taken off as it starts: a wake or send during the run queues one more run after it
      // (a write during an e-mail run is sent by the next). One at a time, so never two at once.
      keys.delete(item.key);
      try {
        await job.run({ db: o.db, data: item.data as never, signal: stopping.signal, log: o.log, send: jobs.send });
      } catch (error) {
        o.log.error({ job: job.name, err: error }, `job ${job.name} failed; it runs again on its next turn`);
      }
    }
  }

  for (const job of o.jobs) {
    if (job.everySeconds === undefined) continue;
    // At start too: after downtime the first turn catches up at once.
    enqueue(job.name, { data: null, key: 'every' });
    timers.push(setInterval(() => enqueue(job.name, { data: null, key: 'every' }), job.everySeconds * 1000));
  }
  return jobs;
}
