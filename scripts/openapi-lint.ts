import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';

const repository = fileURLToPath(new URL('..', import.meta.url));

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

export interface LintResult {
  errors: number;
  warnings: number;
  problems: LintProblem[];
}

/** Runs `redocly lint` with the repository's redocly.yaml on an OpenAPI document (an object). */
export function lintOpenApiDocument(document: unknown): LintResult {
  const directory = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  try {
    const file = join(directory, 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const run = spawnSync('npx', ['redocly', 'lint', file, '--config', join(repository, 'redocly.yaml'), '--format=json'], {
      cwd: repository,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    if (!run.stdout?.trim().startsWith('{')) throw new Error(`redocly lint did not run: ${run.stderr || run.error?.message}`);
    const { totals, problems } = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: LintProblem[] };
    return { errors: totals.errors, warnings: totals.warnings, problems };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** One line per problem, e.g. `error operation-operationId: Operation object should contain `operationId` field. (#/paths/...)`. */
export function describeProblems(problems: readonly LintProblem[]): string {
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location.map((l) => l.pointer).join(', ')})`).join('\n');
}

/** The document GET /docs/json serves, from the app built in-process over an empty in-memory database. */
export async function liveOpenApiDocument(): Promise<unknown> {
  const database = await openDatabase({});
  const app = await buildApp({
    db: database.db,
    auth: { baseURL: 'http://localhost', secret: 'openapi-lint-only-secret-not-used-to-sign-in', trustedOrigins: [], secureCookies: false },
  });
  try {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    if (response.statusCode !== 200) throw new Error(`GET /docs/json answered ${response.statusCode}: ${response.body}`);
    return response.json();
  } finally {
    await app.close();
    await database.close();
  }
}

async function main() {
  const result = lintOpenApiDocument(await liveOpenApiDocument());
  if (result.problems.length > 0) console.log(describeProblems(result.problems));
  console.log(`Redocly lint of /docs/json (redocly.yaml): ${result.errors} errors, ${result.warnings} warnings.`);
  process.exit(result.errors > 0 ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
