import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A fresh, migrated database on the PostgreSQL server for this run, if one is used. */
    testDatabaseUrl: string | null;
    /** A migrated PGlite data directory that each test file copies. */
    pgliteTemplateDir: string | null;
  }
}

/**
 * One fresh database per run: on the PostgreSQL server when TEST_DATABASE_URL is set
 * (created here, dropped after), else a migrated PGlite template directory.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `test_run_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await handle.migrate();
    await handle.close();
    project.provide('testDatabaseUrl', url.toString());
    project.provide('pgliteTemplateDir', null);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const templateDir = mkdtempSync(join(tmpdir(), 'pglite-template-'));
  const handle = await openDatabase({ dataDir: templateDir });
  await handle.migrate();
  await handle.close();
  project.provide('testDatabaseUrl', null);
  project.provide('pgliteTemplateDir', templateDir);
  return () => rmSync(templateDir, { recursive: true, force: true });
}
