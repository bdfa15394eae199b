import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumLaunchOptions } from '../../e2e/chromium.js';
import { freePort, startServer } from './processes.js';
import { writeDocSection } from './report.js';

/**
 * Lighthouse (from npm, in Debian's Chromium) on the screens the front desk lives in, signed in
 * as the front desk: the schedule and a client profile, mobile preset (a mid-range phone on a
 * throttled 4G network, simulated) and desktop. `npm run bench` runs it; alone:
 * `npx tsx scripts/bench/lighthouse.ts [--no-doc]`. It starts its own server on the embedded
 * database with the demo data (a fresh directory), so it needs nothing else running.
 */
export interface LighthouseFigures {
  page: string;
  preset: 'mobile' | 'desktop';
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferKb: number;
  /** The touch-target audit: true when every target is at least 24×24 px (or spaced as WCAG 2.5.8 allows). */
  targetsOk: boolean;
}

const DEMO_PASSWORD = 'swim-demo-2026';
const FRONT_DESK = 'frontdesk@riverside-swim.example.com';
const RUNS = 3;

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    // The server trusts its own public address (http://localhost:PORT by default) as the origin of a sign-in.
    headers: { 'content-type': 'application/json', origin: baseUrl.replace('127.0.0.1', 'localhost') },
    body: JSON.stringify({ email: FRONT_DESK, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`Sign-in answered ${response.status}: ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function mayaProfilePath(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/clients?search=maya%20patel`, { headers: { cookie } });
  const { items } = (await response.json()) as { items: { id: string }[] };
  return `/clients/${items[0]!.id}`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Each page under each preset, RUNS times; the median run (by performance score) is kept. */
export async function measureLighthouse(o: { baseUrl: string; cookie: string; pages: { name: string; path: string }[]; log: (line: string) => void }) {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumLaunchOptions.executablePath,
    chromeFlags: chromiumLaunchOptions.args,
  });
  const figures: LighthouseFigures[] = [];
  try {
    for (const page of o.pages) {
      for (const preset of ['mobile', 'desktop'] as const) {
        const runs: LighthouseFigures[] = [];
        for (let run = 0; run < RUNS; run += 1) {
          const result = await lighthouse(
            `${o.baseUrl}${page.path}`,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: { Cookie: o.cookie } },
            preset === 'desktop' ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`);
          const { audits, categories } = result.lhr;
          const number = (id: string) => audits[id]?.numericValue ?? NaN;
          runs.push({
            page: page.name,
            preset,
            performance: Math.round((categories.performance?.score ?? 0) * 100),
            accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
            fcpMs: number('first-contentful-paint'),
            lcpMs: number('largest-contentful-paint'),
            tbtMs: number('total-blocking-time'),
            cls: number('cumulative-layout-shift'),
            transferKb: number('total-byte-weight') / 1024,
            targetsOk: (audits['target-size']?.score ?? 1) === 1,
          });
        }
        const kept = runs.find((r) => r.performance === median(runs.map((x) => x.performance)))!;
        o.log(`lighthouse ${page.name} ${preset}: performance ${kept.performance}, accessibility ${kept.accessibility}, LCP ${kept.lcpMs.toFixed(0)} ms, CLS ${kept.cls.toFixed(3)}`);
        figures.push(kept);
      }
    }
  } finally {
    chrome.kill();
  }
  return figures;
}

export function writeLighthouseSection(figures: LighthouseFigures[], o: { startedAt: string; loadAverage: number }) {
  const row = (f: LighthouseFigures) =>
    `| ${f.page} | ${f.preset} | ${f.performance} | ${f.accessibility} | ${(f.fcpMs / 1000).toFixed(1)} s | ${(f.lcpMs / 1000).toFixed(1)} s | ${f.tbtMs.toFixed(0)} ms | ${f.cls.toFixed(3)} | ${f.transferKb.toFixed(0)} KB | ${f.targetsOk ? 'yes' : 'no'} |`;
  writeDocSection('lighthouse', [
    '## Lighthouse: the front desk on a phone network',
    '',
    `Measured ${o.startedAt} by \`scripts/bench/lighthouse.ts\` (part of \`npm run bench\`; alone: \`npx tsx scripts/bench/lighthouse.ts\`):`,
    'Lighthouse from npm in Debian\'s Chromium, signed in as the front desk, against `npm start`\'s server (demo data, embedded',
    'database) on this machine; mobile preset (simulated mid-range phone, throttled 4G) and desktop preset; median of 3 runs by',
    'performance score. Targets (issue 15): mobile performance ≥ 90, accessibility 100, layout shift < 0.1, touch targets ≥ 24×24 px.',
    `Load average when it started: ${o.loadAverage.toFixed(1)} on ${cpus().length} cores. Lighthouse's simulated throttling multiplies the`,
    'main-thread time it observes (×4 on mobile), so on a busy machine total blocking time and the performance score come out worse',
    'than on an idle one; compare runs at similar load.',
    '',
    '| page | preset | performance | accessibility | first contentful paint | largest contentful paint | total blocking time | layout shift | transferred | touch targets ≥ 24 px |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...figures.map(row),
    '',
    'What makes it fast: the web app is precompressed at build (brotli and gzip beside each file, `vite.config.ts`), served by',
    '`Accept-Encoding` with hashed assets `immutable, max-age=31536000` (`src/server/http/web-app.ts`). The first screens come',
    'in few files (docs/decisions/017-web-app-first-load.md): the app\'s starting code is one chunk, what the schedule and the',
    'profile share another, each page\'s own code one more: the schedule needs 6 script files instead of 28 and a profile 6',
    'instead of 40. Over HTTP/1.1 each file is a round trip on the simulated 150 ms link: with the CPU not slowed at all,',
    'Lighthouse still put the largest paint at 3.2 s before, so the round trips, not the code, were the cost. What the first',
    'screens do not show loads when wanted (the first-run welcome, the setup and portal frames, the header search\'s dialog, the',
    'schedule\'s roster drawer); routing is declarative (react-router\'s data router was 53 KB of the entry); a select draws',
    'its list when opened (kept hidden, the schedule\'s three filters each forced a layout on the first render); dates go',
    'through cached Intl formatters; the date picker\'s styles come with the one screen that has one. On a phone the schedule',
    'is a list, so the calendar\'s code is not loaded there at all. index.html asks for the session and, on the schedule\'s or a',
    'profile\'s address, for its data (this week\'s dates at once: `GET /api/schedule/this-week` counts the week in the',
    'organization\'s zone) and the page\'s modules, so nothing waits for the app\'s code to run first; it readies the browser\'s',
    'date formatting while the code downloads (the first formatter cost a slow phone tens of milliseconds inside the first',
    'drawing), shows a "Loading…" line from the first paint and starts the app after it. The frame and the screen are drawn from the session\'s',
    'answer as a transition (in slices), the schedule\'s rows and a profile\'s invoices and history likewise, so no single long',
    'task holds a tap. On a desktop the calendar is kept hidden for the two frames in which it measures itself (its first',
    'frame was the 0.174 layout shift). The blocking stylesheet holds only the Mantine components the app uses.',
    '',
    'Before this round (2026-11-29, idle machine, same bench): schedule 87 (largest paint 3.6 s, 28 script files), profile 87',
    '(3.7 s, 40 files). What still moves from run to run is total blocking time (70–380 ms here): the app\'s chunk is evaluated',
    'in one task, and the stylesheet is parsed in one.',
  ]);
}

/** Starts a demo server of its own (or uses the one at `url`, e.g. `--url http://127.0.0.1:3000`), measures, stops it. */
export async function runLighthouseBench(log: (line: string) => void, url?: string) {
  const server = url ? { baseUrl: url, stop: async () => {} } : await startDemoServer();
  try {
    const { baseUrl } = server;
    const cookie = await signIn(baseUrl);
    const pages = [
      { name: 'schedule', path: '/' },
      { name: 'client profile', path: await mayaProfilePath(baseUrl, cookie) },
    ];
    return await measureLighthouse({ baseUrl, cookie, pages, log });
  } finally {
    await server.stop();
  }
}

async function startDemoServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lighthouse-demo-'));
  return startServer({ entry: 'src/server/main.ts', env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, port, readyPath: '/api/me' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const startedAt = new Date().toISOString();
  const loadAverage = loadavg()[0]!;
  const log = (line: string) => console.log(`[lighthouse] ${line}`);
  // The server it starts is stopped by runLighthouseBench, or killed with this process (processes.ts).
  const at = process.argv.indexOf('--url');
  const figures = await runLighthouseBench(log, at > 0 ? process.argv[at + 1] : undefined);
  console.table(figures);
  if (!process.argv.includes('--no-doc')) writeLighthouseSection(figures, { startedAt, loadAverage });
}
