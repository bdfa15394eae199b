import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../../e2e/chromium.js';
import { ROOT } from './processes.js';

export interface WebResult {
  skipped?: string;
  buildSeconds?: number;
  initialFiles: string[];
  initialJsGzipBytes: number;
  allJsGzipBytes: number;
  /** First visit (nothing cached), median. */
  interactiveMs: number | null;
  /** The same page loaded again in the same browser (JavaScript cached), median. */
  warmInteractiveMs?: number;
  /** The JavaScript the first visit had loaded when the schedule became interactive (gzip; the lazy schedule chunk included). */
  scheduleJsGzipBytes?: number;
  scheduleJsFiles?: string[];
  runs: number;
  scheduleEntries?: number;
  error?: string;
}

const DIST = join(ROOT, 'dist', 'web');

export function emptyWebResult(skipped: string): WebResult {
  return { skipped, initialFiles: [], initialJsGzipBytes: 0, allJsGzipBytes: 0, interactiveMs: null, runs: 0 };
}

/** `npx vite build` into dist/web; a failed build is reported, not thrown. */
export function buildWeb(): { ok: true; seconds: number } | { ok: false; reason: string } {
  if (!existsSync(join(ROOT, 'src', 'web', 'index.html')) || !existsSync(join(ROOT, 'vite.config.ts'))) {
    return { ok: false, reason: 'there is no web app (src/web/index.html, vite.config.ts) yet' };
  }
  const started = performance.now();
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    return { ok: false, reason: `the web app does not build yet (npx vite build exited with ${result.status}):\n${output}` };
  }
  return { ok: true, seconds: (performance.now() - started) / 1000 };
}

/**
 * The JavaScript a first visit downloads before the app can run: the entry script of
 * index.html and every module it preloads (Vite writes both into index.html), gzipped at
 * the default level, as a server or CDN would send it. Lazily imported chunks are not in it.
 */
export function measureBundle(): Pick<WebResult, 'initialFiles' | 'initialJsGzipBytes' | 'allJsGzipBytes'> {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) initial.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) initial.add(match[1]!);
  const gz = (path: string) => gzipSync(readFileSync(path)).length;
  const initialFiles = [...initial].map((src) => src.replace(/^\//, ''));
  const assets = join(DIST, 'assets');
  const all = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : [];
  return {
    initialFiles,
    initialJsGzipBytes: initialFiles.reduce((sum, f) => sum + gz(join(DIST, f)), 0),
    allJsGzipBytes: all.reduce((sum, f) => sum + gz(join(assets, f)), 0),
  };
}

declare global {
  interface Window {
    __scheduleInteractiveAt?: number;
    __scheduleEntries?: number;
  }
}

/** Records when the schedule's events and its "N session dates" status line are both on the page. */
const SCHEDULE_WATCH = `
  new MutationObserver(() => {
    if (window.__scheduleInteractiveAt !== undefined) return;
    const events = document.querySelectorAll('.session-event').length;
    if (events > 0 && /\\d+ session dates/.test(document.body ? document.body.innerText : '')) {
      window.__scheduleInteractiveAt = performance.now();
      window.__scheduleEntries = events;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

/**
 * Time from navigation start to an interactive main schedule: the week's session dates
 * drawn on the calendar and the page's status line saying how many there are (so a click
 * opens a roster). Each run is a first visit (a new browser context: nothing cached),
 * already signed in (the session cookie of the large organization's manager); the moment
 * is recorded in the page by a MutationObserver, so polling adds nothing. Median of `runs`.
 */
export async function measureInteractive(o: { baseUrl: string; cookie: string; runs: number }): Promise<Partial<WebResult>> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(chromiumLaunchOptions);
  const times: number[] = [];
  const warm: number[] = [];
  let scheduleEntries: number | undefined;
  let scheduleJs: string[] = [];
  try {
    const cookies = o.cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: o.baseUrl };
    });
    for (let run = 0; run < o.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies(cookies);
      // A string, not a function: tsx would wrap a function's inner functions in a helper the page does not have.
      await context.addInitScript(SCHEDULE_WATCH);
      const page = await context.newPage();
      for (const target of [times, warm]) {
        await page.goto(`${o.baseUrl}/`, { waitUntil: 'commit' });
        await page.waitForFunction('window.__scheduleInteractiveAt !== undefined', null, { timeout: 60_000, polling: 100 });
        target.push((await page.evaluate('window.__scheduleInteractiveAt')) as number);
        scheduleEntries = (await page.evaluate('window.__scheduleEntries')) as number;
        if (target === times) {
          scheduleJs = (await page.evaluate(
            `performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'))`,
          )) as string[];
        }
      }
      await context.close();
    }
  } catch (error) {
    return { interactiveMs: null, runs: times.length, error: (error as Error).message.split('\n')[0] };
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const files = [...new Set(scheduleJs)].map((path) => path.replace(/^\//, '')).filter((f) => existsSync(join(DIST, f)));
  return {
    interactiveMs: median(times),
    warmInteractiveMs: median(warm),
    runs: times.length,
    scheduleJsFiles: files,
    scheduleJsGzipBytes: files.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f))).length, 0),
    ...(scheduleEntries !== undefined ? { scheduleEntries } : {}),
  };
}
