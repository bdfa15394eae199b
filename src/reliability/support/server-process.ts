import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** The secret every server of a test shares, so one login works on all of them. */
export const SHARED_AUTH_SECRET = 'reliability-shared-secret-0123456789abcdef';

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  child: ChildProcess;
  /** What the server printed (errors, warnings). */
  output(): string;
  /** Ends it as `kill -9` does: no shutdown, no flush. Resolves when it is gone. */
  kill9(): Promise<void>;
  /** Ends it as Ctrl-C does (SIGTERM, graceful). Resolves with its exit code. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `npm start`'s entry point (src/server/main.ts) as its own process on the given
 * database (DATABASE_URL, or DATA_DIR for the embedded engine), with its own TZ, and waits
 * until it answers.
 */
export async function startServerProcess(o: {
  databaseUrl?: string;
  dataDir?: string;
  tz?: string;
  port?: number;
  logLevel?: string;
  /** More environment, e.g. SMTP_URL. */
  env?: Record<string, string>;
  /** Background jobs (the daily invoice run): off unless asked for, so a test's rows change only by its own requests. */
  jobs?: boolean;
}): Promise<ServerProcess> {
  const port = o.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATABASE_URL: o.databaseUrl ?? '',
      DATA_DIR: o.dataDir ?? './data',
      AUTH_SECRET: SHARED_AUTH_SECRET,
      LOG_LEVEL: o.logLevel ?? 'error',
      NODE_ENV: 'test',
      JOBS: o.jobs ? 'on' : 'off',
      TZ: o.tz ?? 'UTC',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  // Bounded wait: at most 120 s for migrations, the demo seed and the first answer.
  for (let attempt = 0; ; attempt++) {
    if (gone) throw new Error(`The server process exited before answering:\n${output}`);
    if (attempt >= 600) {
      child.kill('SIGKILL');
      throw new Error(`The server process did not answer within 120 s:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/organization`);
      if (response.status === 401) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    baseUrl,
    pid: child.pid!,
    child,
    output: () => output,
    exited,
    kill9: async () => {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      return exited;
    },
  };
}
