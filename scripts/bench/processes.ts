import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const running = new Set<ChildProcess>();

/** Whatever happens to the benchmark, the servers it started end with it. */
function killAll() {
  for (const child of running) child.kill('SIGKILL');
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript entry point in its own Node process (through tsx, as `npm start`
 * does) and waits until `readyPath` answers; its output goes to the benchmark's stderr
 * only if it fails.
 */
export async function startServer(o: { entry: string; env: Record<string, string>; port: number; readyPath: string; profileDir?: string }): Promise<ServerProcess> {
  // With a profile directory, V8 writes a CPU profile there when the server exits (see profile.ts).
  const profile = o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [];
  // A server that will not stop is asked for a diagnostic report (what keeps it alive) before it is killed.
  const reportDir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  const report = ['--report-on-signal', '--report-signal=SIGUSR2', `--report-directory=${reportDir}`];
  const child = spawn(process.execPath, [...profile, ...report, '--import', 'tsx', o.entry], {
    cwd: ROOT,
    env: { ...process.env, ...o.env, PORT: String(o.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(reportDir, { recursive: true, force: true });
      throw new Error(`${o.entry} exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(baseUrl + o.readyPath);
      // Read the body to its end: an unread response keeps its connection busy, and the server's close waits for it.
      await response.arrayBuffer();
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(reportDir, { recursive: true, force: true });
      throw new Error(`${o.entry} did not answer ${o.readyPath} within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        let report: NodeJS.Timeout | undefined;
        // The grace period is long with a profile: writing the CPU profile of a long run takes V8 a while.
        const timer = setTimeout(() => {
          child.kill('SIGUSR2');
          report = setTimeout(() => {
            const file = readdirSync(reportDir).find((f) => f.endsWith('.json'));
            const diagnosis = file ? describeReport(JSON.parse(readFileSync(join(reportDir, file), 'utf8'))) : 'no report';
            console.error(`${o.entry} did not stop within the grace period; killed. Its last output:\n${output.slice(-3000)}\n${diagnosis}`);
            child.kill('SIGKILL');
          }, 2000);
        }, o.profileDir ? 180_000 : 10_000);
        await exited;
        clearTimeout(timer);
        clearTimeout(report);
      }
      running.delete(child);
      rmSync(reportDir, { recursive: true, force: true });
    },
  };
}

/** The JavaScript stack and the libuv handles still open, from a Node diagnostic report. */
function describeReport(report: { javascriptStack?: { stack?: string[] }; libuv?: { type: string; is_active: boolean; remoteEndpoint?: unknown; localEndpoint?: unknown }[] }) {
  const handles = (report.libuv ?? []).filter((h) => h.is_active).map((h) => `${h.type} ${JSON.stringify(h.localEndpoint ?? '')} -> ${JSON.stringify(h.remoteEndpoint ?? '')}`);
  return ['stack:', ...(report.javascriptStack?.stack ?? []).slice(0, 15), 'active handles:', ...handles].join('\n');
}
