import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { renderResults, type Figures } from './report.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database on the PostgreSQL server used only to create and drop the suite's own databases. */
    reliabilityAdminUrl: string;
    /** Prefix of every database this run creates, so teardown can drop them all. */
    reliabilityRunPrefix: string;
    /** Where each test writes its figures (JSON) for docs/reliability.md. */
    reliabilityResultsDir: string;
  }
}

const DOC = 'docs/reliability.md';

/** Checks the server, hands out names for fresh databases; afterwards drops them all and writes the figures. */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.RELIABILITY_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  const prefix = `reliability_${process.pid}_${Date.now()}`;
  const resultsDir = mkdtempSync(join(tmpdir(), 'reliability-results-'));
  const started = Date.now();
  project.provide('reliabilityAdminUrl', adminUrl);
  project.provide('reliabilityRunPrefix', prefix);
  project.provide('reliabilityResultsDir', resultsDir);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${prefix}%`]);
    for (const { datname } of leftovers.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.end();
    const figures: Figures[] = existsSync(resultsDir)
      ? readdirSync(resultsDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as Figures)
      : [];
    rmSync(resultsDir, { recursive: true, force: true });
    // A partial run (one file, -t filter) must not overwrite the full run's figures.
    if (process.env.RELIABILITY_WRITE_DOC === '0' || figures.length === 0) return;
    mkdirSync('docs', { recursive: true });
    const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
    writeFileSync(DOC, renderResults(current, figures, { seconds: Math.round((Date.now() - started) / 1000), postgres: version }));
  };
}
