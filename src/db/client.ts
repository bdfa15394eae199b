import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** A database or an open transaction: repositories accept either. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  engine: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** True when `db` is an open transaction: what runs in it shares its one connection, one statement at a time. */
export function isTransaction(db: Database): boolean {
  return db instanceof PgTransaction;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// node-postgres parses `date` into a JS Date at local midnight; we keep ISO strings
// (and turn them into Temporal.PlainDate), so the process's TZ can never shift a date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * Opens the embedded PostgreSQL (PGlite) in `dataDir`, or a PostgreSQL server when
 * `databaseUrl` is given. The same schema, migrations and queries run on both.
 */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  /**
   * false: return before the embedded database has opened its files (creating them takes seconds
   * the first time); queries wait until it has. `npm start` listens meanwhile.
   */
  waitUntilOpen?: boolean;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server closed (restart, failover) is replaced on the next query;
    // without a listener the pool's 'error' event would end the process.
    pool.on('error', (error) => console.warn(`database connection lost, it will be replaced: ${error.message}`));
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    return {
      db,
      engine: 'postgres',
      migrate: () => migratePg(db as never, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  // The contrib extensions the schema uses (search: trigram indexes over unaccented text),
  // which a PostgreSQL server ships in its contrib package.
  const extensions = { pg_trgm, unaccent };
  const client = new PGlite(options.dataDir ? { dataDir: options.dataDir, extensions } : { extensions });
  // Not waited for: a failure to open surfaces in the first query, which waits for it.
  if (options.waitUntilOpen === false) client.waitReady.catch(() => {});
  else await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}
