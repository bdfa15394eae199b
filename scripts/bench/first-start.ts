import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, ROOT } from './processes.js';
import { writeDocSection } from './report.js';

/**
 * `npm start` as a new user runs it after `npm install` (the web app already built by
 * postinstall): on a fresh data directory, how long until the server answers at all, and until
 * the demo data is loaded (the answer is no longer 503); then a second start on the same data.
 *
 *   npx tsx scripts/bench/first-start.ts [--no-doc]
 */
export interface FirstStartFigures {
  firstAnswerSeconds: number;
  demoLoadedSeconds: number;
  secondStartSeconds: number;
}

async function timeStart(o: { dataDir: string; port: number; until: (status: number) => boolean }): Promise<{ firstAnswer: number; until: number }> {
  const started = performance.now();
  // A process group of its own, so stopping it stops npm, tsx and the server together.
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: o.dataDir, PORT: String(o.port), HOST: '127.0.0.1', DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-5000)));
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already stopped
    }
  };
  process.once('exit', stop);
  let firstAnswer: number | undefined;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start stopped (${child.exitCode}):\n${output}`);
      if (performance.now() - started > 300_000) throw new Error(`npm start was not ready within 5 minutes:\n${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${o.port}/api/me`);
        await response.arrayBuffer();
        firstAnswer ??= performance.now() - started;
        if (o.until(response.status)) return { firstAnswer, until: performance.now() - started };
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    stop();
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  }
}

export async function measureFirstStart(): Promise<FirstStartFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'first-start-'));
  try {
    const port = await freePort();
    // 401: nobody signed in, the demo in place (503 while it loads).
    const first = await timeStart({ dataDir, port, until: (status) => status !== 503 });
    const second = await timeStart({ dataDir, port, until: () => true });
    return { firstAnswerSeconds: first.firstAnswer / 1000, demoLoadedSeconds: first.until / 1000, secondStartSeconds: second.firstAnswer / 1000 };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function writeFirstStartSection(figures: FirstStartFigures, o: { startedAt: string; loadAverage: number }) {
  writeDocSection('first-start', [
    '## `npm start` on a fresh clone',
    '',
    `Measured ${o.startedAt} by \`scripts/bench/first-start.ts\` (\`npm run bench:start\`), load average ${o.loadAverage.toFixed(1)} on ${cpus().length} cores:`,
    '`npm start` on an empty data directory (embedded database, the web app already built by `npm install`), asking `/api/me` every 50 ms.',
    '',
    '| | seconds |',
    '|---|---|',
    `| first answer (503 "The demo data is loading", with Retry-After) | ${figures.firstAnswerSeconds.toFixed(1)} |`,
    `| demo data loaded (the first answer that is not 503) | ${figures.demoLoadedSeconds.toFixed(1)} |`,
    `| second start on the same data: first answer (the demo is kept as it is) | ${figures.secondStartSeconds.toFixed(1)} |`,
    '',
    'The server listens before it opens the embedded database (creating it takes seconds the first time), migrates it and',
    'writes the demo (one transaction); meanwhile the API answers 503 problem+json "The demo data is loading; try again in a',
    'few seconds." with Retry-After: 5, and a page is a short one that reloads itself in 5 s (`src/server/http/hold-while-loading.ts`;',
    'the web app\'s files and /docs are served as usual). `npm start` checks the web build in plain node (`scripts/build-web-if-needed.mjs`),',
    'not through tsx. Production (no demo) still listens only once the database is ready. Before: the first answer came after',
    'the demo was written, 75 s; on this machine at load average 15, 25 s when listening after the migrations, 6–8 s listening first.',
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const startedAt = new Date().toISOString();
  const loadAverage = loadavg()[0]!;
  const figures = await measureFirstStart();
  console.table(figures);
  if (!process.argv.includes('--no-doc')) writeFirstStartSection(figures, { startedAt, loadAverage });
}
