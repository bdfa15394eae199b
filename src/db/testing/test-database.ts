import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../client.js';

/**
 * The database of one test file: the run's server database, or a private copy of the
 * migrated PGlite template. Tests isolate themselves by creating their own organization.
 * Close it in afterAll.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const databaseUrl = inject('testDatabaseUrl');
  if (databaseUrl) return openDatabase({ databaseUrl, poolSize: 20 });
  const template = inject('pgliteTemplateDir');
  if (!template) throw new Error('The integration global setup did not run.');
  const dataDir = mkdtempSync(join(tmpdir(), 'pglite-test-'));
  cpSync(template, dataDir, { recursive: true });
  const handle = await openDatabase({ dataDir });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `it` for what only a server shows: a row lock is seen by a second connection, and embedded
 * PGlite has one. The run on PGlite leaves these out (they are not skipped: they do not apply);
 * CI runs the same files on the PostgreSQL server, where they run.
 */
export const itOnServer: typeof it = (inject('testDatabaseUrl') ? it : () => undefined) as typeof it;

/**
 * A migrated database with no organization at all, for the first run: a private PGlite copy,
 * or on the PostgreSQL server a database of its own beside the run's (whose other test files
 * fill it with organizations). Close it in afterAll; on the server closing drops it.
 */
export async function openEmptyTestDatabase(): Promise<DatabaseHandle> {
  const databaseUrl = inject('testDatabaseUrl');
  if (!databaseUrl) return openTestDatabase();
  const { default: pg } = await import('pg');
  const name = `empty_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
