import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CpuSpent } from './cpu.js';
import { ROOT } from './processes.js';
import { median, type InvoiceRunResult } from './invoices.js';
import type { LatencySummary } from './load.js';
import type { ReadResult } from './reads.js';
import type { ThroughputResult } from './transfers.js';
import type { WebResult } from './web.js';

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  environment: Record<string, string>;
  seed: { seconds: number; organizations: { name: string; stats: unknown }[] };
  noop: { latency: LatencySummary; cpu?: CpuSpent };
  reads: {
    schedule: { large: ReadResult; control: ReadResult };
    roster: { large: ReadResult; control: ReadResult };
    profile: { large: ReadResult; control: ReadResult };
    longProfile: ReadResult & { invoices: number };
  };
  transfers: { http: ThroughputResult; floor: ThroughputResult };
  invoices: InvoiceRunResult;
  hello: ThroughputResult & { sequential: LatencySummary };
  web: WebResult;
}

export interface Row {
  measure: string;
  product: string;
  floor: string;
  ratio: string;
  target: string;
  holds: boolean | null;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const lat = (l: LatencySummary) => `p50 ${ms(l.p50)} ms · p99 ${ms(l.p99)} ms`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function describe(key: 'schedule' | 'roster' | 'profile', result: ReadResult) {
  switch (key) {
    case 'schedule':
      return `${result.rows} session dates, ${kb(result.bytes)}`;
    case 'roster':
      return `${result.rows} clients, ${kb(result.bytes)}`;
    case 'profile':
      return `${result.rows} invoices, ${kb(result.bytes)}`;
  }
}

/** The headline table: each measure, the product, the floor, their ratio and the target. */
export function rowsOf(r: BenchResults): Row[] {
  const { http, floor } = r.transfers;
  const transferRatio = http.perSecond / floor.perSecond;
  const rows: Row[] = [
    {
      measure: `Transfer commit, POST /api/transfers, ${http.concurrency} concurrent clients (${http.completed} transfers${http.failures ? `, ${http.failures} failed` : ''}); floor: the same rows in one SQL statement`,
      product: `${http.perSecond.toFixed(0)}/s · ${lat(http.latency)}`,
      floor: `${floor.perSecond.toFixed(0)}/s · ${lat(floor.latency)}`,
      ratio: times(transferRatio),
      target: '≥ 0.5× floor; p99 ≤ 50 ms',
      holds: transferRatio >= 0.5 && http.latency.p99 <= 50 && http.failures === 0,
    },
  ];
  const read = (name: string, key: 'schedule' | 'roster' | 'profile') => {
    const { large, control } = r.reads[key];
    const rawRatio = large.api.p50 / large.raw.p50;
    const history = large.api.p50 / control.api.p50;
    rows.push(
      {
        measure: `${name}, 10-year organization (${describe(key, large)}); floor: one SQL query returning the same rows`,
        product: lat(large.api),
        floor: lat(large.raw),
        ratio: times(rawRatio),
        target: '≤ 2× raw query',
        holds: rawRatio <= 2,
      },
      {
        measure: `${name}: 10 years of history vs 1 year (1-year organization: ${describe(key, control)})`,
        product: `p50 ${ms(large.api.p50)} ms vs ${ms(control.api.p50)} ms`,
        floor: `raw: ${ms(large.raw.p50)} ms vs ${ms(control.raw.p50)} ms (${times(large.raw.p50 / control.raw.p50)})`,
        ratio: times(history),
        target: '≤ 1.2×',
        holds: history <= 1.2,
      },
    );
  };
  rows.push(...invoiceRows(r.invoices));
  read('Main schedule week, GET /api/schedule', 'schedule');
  read('Roster, GET /api/sessions/:id/roster', 'roster');
  read('Client profile, GET /api/clients/:id/profile', 'profile');
  const long = r.reads.longProfile;
  rows.push(
    {
      measure: `Client profile of the longest customer (${long.rows} invoices, ${kb(long.bytes)})`,
      product: lat(long.api),
      floor: lat(long.raw),
      ratio: times(long.api.p50 / long.raw.p50),
      target: '(context)',
      holds: null,
    },
    {
      measure: 'Authenticated no-op, GET /api/me (what every API request pays: the session and the membership)',
      product: lat(r.noop.latency),
      floor: `hello world, one at a time: ${lat(r.hello.sequential)}`,
      ratio: times(r.noop.latency.p50 / r.hello.sequential.p50),
      target: '(context)',
      holds: null,
    },
    {
      measure: `Framework ceiling: Fastify hello world, ${r.hello.concurrency} concurrent clients`,
      product: `${r.hello.perSecond.toFixed(0)}/s · ${lat(r.hello.latency)}`,
      floor: '',
      ratio: '',
      target: '(context)',
      holds: null,
    },
  );
  const { web } = r;
  if (web.skipped) {
    rows.push({ measure: 'Web app', product: `skipped: ${web.skipped.split('\n')[0]}`, floor: '', ratio: '', target: '≤ 250 KB; < 1 s', holds: null });
  } else {
    rows.push(
      {
        measure: `Web: initial JS, gzip (what index.html loads: ${web.initialFiles.join(', ')})`,
        product: kb(web.initialJsGzipBytes),
        floor: web.scheduleJsGzipBytes === undefined ? '' : `with the lazy schedule chunk: ${kb(web.scheduleJsGzipBytes)}`,
        ratio: '',
        target: '≤ 250 KB',
        holds: web.initialJsGzipBytes <= 250 * 1024,
      },
      {
        measure: `Web: schedule interactive, headless Chromium, first visit, 10-year organization (${web.scheduleEntries ?? '?'} session dates; median of ${web.runs})`,
        product: web.interactiveMs === null ? `not reached: ${web.error ?? ''}` : `${ms(web.interactiveMs)} ms`,
        floor: web.warmInteractiveMs === undefined ? '' : `visited again (scripts cached): ${ms(web.warmInteractiveMs)} ms`,
        ratio: '',
        target: '< 1 s',
        holds: web.interactiveMs !== null && web.interactiveMs < 1000,
      },
    );
  }
  return rows;
}

/** The invoice run of the 10-year organization against its floor, and 10 years ÷ 1 year (medians of the repeats). */
export function invoiceRows(r: InvoiceRunResult): Row[] {
  const run = median(r.run);
  const floor = median(r.floor);
  const control = median(r.control);
  const s = (x: number) => `${x.toFixed(2)} s`;
  const n = (x: number) => x.toLocaleString('en-US');
  const all = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  return [
    {
      measure: `Invoice run, 10-year organization, as of ${r.runOn} (${n(r.invoices)} invoices, ${n(r.lines)} lines and as many ledger charges; median of ${r.run.length}); floor: one INSERT … SELECT writing the same rows`,
      product: `${s(run)} (${all(r.run)})`,
      floor: `${s(floor)} (${all(r.floor)})`,
      ratio: times(floor / run),
      target: '≥ 0.2× (floor ÷ run)',
      holds: floor / run >= 0.2,
    },
    {
      measure: `Invoice run: 10 years of history vs 1 year (1-year organization: ${n(r.controlInvoices)} invoices)`,
      product: `${s(run)} vs ${s(control)} (${all(r.control)})`,
      floor: '',
      ratio: times(run / control),
      target: '≤ 1.2×',
      holds: run / control <= 1.2,
    },
  ];
}

/** The invoice rows alone, for `--only invoices`. */
export function invoiceTable(r: InvoiceRunResult): string {
  return invoiceRows(r)
    .map((row) => `${row.measure}\n  run ${row.product}${row.floor ? `; floor ${row.floor}` : ''}; ratio ${row.ratio} (target ${row.target}): ${row.holds ? 'holds' : 'DOES NOT HOLD'}`)
    .join('\n');
}

/** CPU per operation, by process: what the machine spends, whatever else runs on it. */
export function cpuRows(r: BenchResults): string[][] {
  const c = (x: number | undefined) => (x === undefined ? '' : ms(x));
  const rows: string[][] = [];
  const { http, floor } = r.transfers;
  rows.push([
    'Transfer commit',
    c(http.cpu?.apiServer),
    c(http.cpu?.database),
    c(floor.cpu?.database),
    http.cpu && floor.cpu ? times(((http.cpu.apiServer ?? 0) + http.cpu.database) / floor.cpu.database) : '',
  ]);
  const add = (name: string, result: ReadResult) =>
    rows.push([
      name,
      c(result.cpu?.api.apiServer),
      c(result.cpu?.api.database),
      c(result.cpu?.raw.database),
      result.cpu ? times(((result.cpu.api.apiServer ?? 0) + result.cpu.api.database) / result.cpu.raw.database) : '',
    ]);
  add('Schedule week, 10 years', r.reads.schedule.large);
  add('Schedule week, 1 year', r.reads.schedule.control);
  add('Roster, 10 years', r.reads.roster.large);
  add('Roster, 1 year', r.reads.roster.control);
  add('Client profile, 10 years', r.reads.profile.large);
  add('Client profile, 1 year', r.reads.profile.control);
  add('Client profile, longest customer', r.reads.longProfile);
  rows.push(['Authenticated no-op (GET /api/me)', c(r.noop.cpu?.apiServer), c(r.noop.cpu?.database), '', '']);
  return rows;
}

function markdown(header: string[], lines: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...lines.map((cells) => `| ${cells.map(escape).join(' | ')} |`)].join('\n');
}

const HEADLINE = ['measure', 'product', 'floor', 'ratio', 'target', 'holds'];
const CPU_HEADER = ['CPU ms per operation', 'API server (Node)', 'PostgreSQL, for the API', 'PostgreSQL, floor', 'API ÷ floor'];
const cells = (row: Row) => [row.measure, row.product, row.floor, row.ratio, row.target, row.holds === null ? '' : row.holds ? 'yes' : 'NO'];

/** Plain-text tables for the terminal. */
export function consoleTable(r: BenchResults): string {
  const text = (header: string[], lines: string[][]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((c) => c[i]!.length)));
    const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line)].join('\n');
  };
  return `${text(HEADLINE, rowsOf(r).map(cells))}\n\n${text(CPU_HEADER, cpuRows(r))}`;
}

const START = '<!-- bench:latest-run:start -->';
const END = '<!-- bench:latest-run:end -->';

/** Replaces the "latest run" section of docs/performance.md (between its markers), keeping the rest. */
export function writeLatestRun(path: string, r: BenchResults) {
  const env = Object.entries(r.environment)
    .map(([k, v]) => `- ${k}: ${v}`)
    .join('\n');
  const seeded = r.seed.organizations.map((o) => `- ${o.name}: ${JSON.stringify(o.stats)}`).join('\n');
  const section = [
    START,
    `Run of ${r.startedAt}: ${r.durationSeconds.toFixed(0)} s in all, of which the seed took ${r.seed.seconds.toFixed(0)} s. Latencies are one request at a time unless concurrent clients are named; KB are 1,024 bytes.`,
    '',
    markdown(HEADLINE, rowsOf(r).map(cells)),
    '',
    'CPU each operation cost, by process (from /proc; the load generator is left out):',
    '',
    markdown(CPU_HEADER, cpuRows(r)),
    '',
    env,
    '',
    'Seeded:',
    seeded,
    '',
    '<details><summary>Raw results (JSON)</summary>',
    '',
    '```json',
    JSON.stringify(r, null, 1),
    '```',
    '',
    '</details>',
    END,
  ].join('\n');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Performance\n\n## Latest run\n\n${START}\n${END}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n## Latest run\n\n${section}\n`;
  writeFileSync(path, next);
}

/**
 * Writes `lines` into docs/performance.md between `<!-- name:start -->` and `<!-- name:end -->`
 * (added at the end of the file the first time), keeping the rest: each measuring script owns its section.
 */
export function writeDocSection(name: string, lines: string[]) {
  const file = join(ROOT, 'docs', 'performance.md');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = [start, ...lines, end].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = current.indexOf(start);
  const next = at >= 0 ? current.slice(0, at) + section + current.slice(current.indexOf(end) + end.length) : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
