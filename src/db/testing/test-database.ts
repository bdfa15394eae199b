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
