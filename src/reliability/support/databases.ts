import { sql } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle } from '../../db/client.js';

export interface FreshDatabase extends DatabaseHandle {
  url: string;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

async function admin<T>(action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('reliabilityAdminUrl') });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** A new database on the PostgreSQL server (migrated unless told not to), only for this test file; drop it in afterAll. */
export async function createFreshDatabase(label: string, o: { poolSize?: number; migrate?: boolean } = {}): Promise<FreshDatabase> {
  const name = `${inject('reliabilityRunPrefix')}_${label}`;
  await admin((client) => client.query(`create database "${name}"`));
  const url = new URL(inject('reliabilityAdminUrl'));
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: o.poolSize ?? 10 });
  if (o.migrate !== false) await handle.migrate();
  let dropped = false;
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await handle.close();
      await admin((client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** Rows of a raw query on either engine. */
export async function rows<T = Record<string, unknown>>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Every tenant table, children after parents (as a dump lists them). */
export const TENANT_TABLES = [
  'locations', 'instructors', 'services', 'sessions', 'session_date_exceptions', 'families', 'guardians', 'clients',
  'subscriptions', 'transfers', 'attendance', 'invoices', 'invoice_lines', 'invoice_discounts', 'payments', 'write_offs',
  'audit_events', 'idempotency_keys',
] as const;

/** Every row of the organizations' tenant tables as text, table by table, in a stable order: a dump to compare. */
export async function dumpOrganizations(db: Database, organizationIds: readonly string[]): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of TENANT_TABLES) {
    const found = await rows<{ row: string }>(
      db,
      sql`select t::text as row from ${sql.identifier(table)} t where organization_id in ${organizationIds} order by 1`,
    );
    dump[table] = found.map((r) => r.row);
  }
  return dump;
}

/** One md5 over every row of the organizations' tenant tables: cheap to compare after each request. */
export async function digestOrganizations(db: Database, organizationIds: readonly string[]): Promise<string> {
  const parts = TENANT_TABLES.map(
    (table) =>
      sql`select ${table}::text || coalesce(string_agg(t::text, '|' order by t::text), '') from ${sql.identifier(table)} t where organization_id in ${organizationIds}`,
  );
  const query = sql.join([sql`select md5(concat_ws('#', `, sql.join(parts.map((p) => sql`(${p})`), sql`, `), sql`)) as digest`], sql``);
  const [row] = await rows<{ digest: string }>(db, query);
  return row!.digest;
}
