import { readFileSync } from 'node:fs';
import type pg from 'pg';

/**
 * CPU time spent by processes, from /proc (Linux): user + system, in milliseconds. On a
 * shared machine wall-clock latency moves with everyone else's load; the CPU a request
 * costs the API server and the database does not, so the benchmark reports both.
 */
const TICKS_PER_SECOND = 100;

export function cpuMsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process is gone: its time is lost to the sum, which only makes the figure lower.
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The database's server processes for one database (its backends), plus the WAL writer every commit goes through. */
export async function databaseServerPids(admin: pg.Client, database: string): Promise<number[]> {
  const { rows } = await admin.query(
    `select pid from pg_stat_activity where (datname = $1 and pid <> pg_backend_pid()) or backend_type = 'walwriter'`,
    [database],
  );
  return rows.map((row) => Number(row.pid));
}

export interface CpuSpent {
  /** CPU milliseconds per operation, by who spent it. */
  apiServer?: number;
  database: number;
  loadGenerator: number;
}

/** Runs `work` and returns the CPU each side spent on it, per operation counted by `operations()`. */
export async function measureCpu<T>(o: {
  admin: pg.Client;
  database: string;
  serverPid?: number;
  work: () => Promise<T>;
  operations: (result: T) => number;
}): Promise<{ result: T; cpu: CpuSpent }> {
  const pids = await databaseServerPids(o.admin, o.database);
  const db0 = cpuMsOf(pids);
  const api0 = o.serverPid ? cpuMsOf([o.serverPid]) : 0;
  const self0 = process.cpuUsage();
  const result = await o.work();
  const self = process.cpuUsage(self0);
  const n = Math.max(1, o.operations(result));
  const cpu: CpuSpent = {
    database: (cpuMsOf(pids) - db0) / n,
    loadGenerator: (self.user + self.system) / 1000 / n,
  };
  if (o.serverPid) cpu.apiServer = (cpuMsOf([o.serverPid]) - api0) / n;
  return { result, cpu };
}
