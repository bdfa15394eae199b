import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One reliability test's figures, as the table in docs/reliability.md shows them. */
export interface Figures {
  /** Orders the table: e.g. '1a'. */
  order: string;
  test: string;
  load: string;
  found: string;
  fixed: string;
  seconds: number;
  passed: boolean;
}

/** Writes a test's figures for the run's report and prints them. Call it at the end of the test, pass or fail. */
export function recordFigures(resultsDir: string, figures: Figures) {
  writeFileSync(join(resultsDir, `${figures.order}.json`), JSON.stringify(figures, null, 2));
  console.log(`[reliability] ${figures.order} ${figures.test}: ${figures.load} → ${figures.found}`);
}

const START = '<!-- results:start (written by npm run test:reliability) -->';
const END = '<!-- results:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** Replaces the results section of the document (or appends one) with this run's table. */
export function renderResults(document: string, figures: Figures[], run: { seconds: number; postgres: string }): string {
  const sorted = [...figures].sort((a, b) => a.order.localeCompare(b.order, 'en', { numeric: true }));
  const failed = sorted.filter((f) => !f.passed).length;
  const lines = [
    START,
    `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, PostgreSQL ${run.postgres}, ` +
      `${sorted.length} tests, ${failed} failed, ${run.seconds} s wall clock for the whole run (2 cores).`,
    '',
    '| # | test | load or count | what it found | fixed | s | result |',
    '|---|---|---|---|---|---|---|',
    ...sorted.map((f) => `| ${f.order} | ${cell(f.test)} | ${cell(f.load)} | ${cell(f.found)} | ${cell(f.fixed)} | ${f.seconds} | ${f.passed ? 'pass' : '**FAIL**'} |`),
    END,
  ].join('\n');
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start >= 0 && end > start) return document.slice(0, start) + lines + document.slice(end + END.length);
  return `${document.trimEnd()}\n\n${lines}\n`;
}
