import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/client.js';
import { defineJob, sleep, type JobLogger, type Jobs } from './define-job.js';
import { startInProcessJobs } from './in-process-jobs.js';

const db = {} as Database;
const log: JobLogger = { info: () => undefined, warn: () => undefined, error: vi.fn() };
const running: Jobs[] = [];
afterEach(async () => {
  for (const jobs of running.splice(0)) await jobs.stop();
});
const start = (...definitions: Parameters<typeof defineJob>[0][]) => {
  const jobs = startInProcessJobs({ db, jobs: definitions as never, log });
  running.push(jobs);
  return jobs;
};
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await sleep(10);
  expect(check()).toBe(true);
};

describe('jobs on the embedded database (in-process)', () => {
  it('runs a job with everySeconds at start and then on its timer', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let runs = 0;
      start(defineJob({ name: 'tick', everySeconds: 5, run: async () => void runs++ }));
      await until(() => runs === 1);
      vi.advanceTimersByTime(5_000);
      await until(() => runs === 2);
      vi.advanceTimersByTime(5_000);
      await until(() => runs === 3);
      // Turns that come while one waits are one turn: a slow job never piles up behind itself.
      vi.advanceTimersByTime(5_000);
      vi.advanceTimersByTime(5_000);
      await until(() => runs === 4);
      await sleep(30);
      expect(runs).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('wakes a job once however often it is woken meanwhile, and again after it ran', async () => {
    let runs = 0;
    const jobs = start(defineJob({ name: 'sender', run: async () => void runs++ }));
    for (let i = 0; i < 10; i++) jobs.wake('sender');
    await until(() => runs === 1);
    await sleep(30);
    expect(runs).toBe(1);
    jobs.wake('sender');
    await until(() => runs === 2);
  });

  it('a wake while the job runs runs it once more afterwards (a write during a run is not missed)', async () => {
    let runs = 0;
    let release = () => {};
    const jobs = start(defineJob({ name: 'sender', run: async () => { runs++; await new Promise<void>((resolve) => (release = resolve)); } }));
    jobs.wake('sender');
    await until(() => runs === 1);
    jobs.wake('sender');
    jobs.wake('sender');
    release();
    await until(() => runs === 2);
    release();
    await sleep(30);
    expect(runs).toBe(2);
  });

  it('never runs two jobs with one key at once; a send while one runs queues one more, after it', async () => {
    let concurrent = 0;
    let most = 0;
    const seen: unknown[] = [];
    let release = () => {};
    const jobs = start(
      defineJob<{ n: number }>({
        name: 'keyed',
        run: async ({ data }) => {
          most = Math.max(most, ++concurrent);
          seen.push(data);
          await new Promise<void>((resolve) => (release = resolve));
          concurrent--;
        },
      }),
    );
    await Promise.all([1, 2, 3].map((n) => jobs.send('keyed', { n }, { key: 'org-1:2027-03-01' })));
    await until(() => seen.length === 1);
    await jobs.send('keyed', { n: 4 }, { key: 'org-1:2027-03-01' });
    await jobs.send('keyed', { n: 5 }, { key: 'org-1:2027-03-01' });
    await sleep(30);
    expect(seen).toEqual([{ n: 1 }]);
    release();
    await until(() => seen.length === 2);
    release();
    await sleep(30);
    expect(seen).toEqual([{ n: 1 }, { n: 4 }]);
    expect(most).toBe(1);
  });

  it('a failing run is logged and the job runs again on its next turn', async () => {
    let runs = 0;
    const jobs = start(defineJob({ name: 'flaky', run: async () => { runs++; throw new Error('database went away'); } }));
    jobs.wake('flaky');
    await until(() => runs === 1);
    jobs.wake('flaky');
    await until(() => runs === 2);
    expect(log.error).toHaveBeenCalled();
  });

  it('stop aborts the running job’s signal, waits for it, and nothing runs afterwards', async () => {
    let runs = 0;
    let sawAbort = false;
    const jobs = startInProcessJobs({
      db,
      log,
      jobs: [
        defineJob({
          name: 'long',
          everySeconds: 1,
          run: async ({ signal }) => {
            runs++;
            await sleep(60_000, signal);
            sawAbort = signal.aborted;
          },
        }),
      ] as never,
    });
    await until(() => runs === 1);
    const stopped = Date.now();
    await jobs.stop();
    expect(Date.now() - stopped).toBeLessThan(1_000);
    expect(sawAbort).toBe(true);
    jobs.wake('long');
    await jobs.send('long', null, { key: 'k' });
    await sleep(1_200);
    expect(runs).toBe(1);
  });
});
