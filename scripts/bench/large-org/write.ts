import type pg from 'pg';
import { TABLES, INSERT_ORDER, type TableName, type TableRows } from './tables.js';

const ROWS_PER_STATEMENT = 20_000;

/**
 * Bulk-loads planned rows: one INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …) per
 * 20,000 rows, one array parameter per column, so a million rows are about fifty round
 * trips. The plan is consistent by construction, so the load skips the foreign-key
 * triggers (session_replication_role = replica; the constraints hold again for every
 * later write) and, free of their ordering, fills tables on two connections at once,
 * largest first. synchronous_commit is off: a crash during a seed loses only the seed.
 */
export async function writeTables(
  pool: pg.Pool,
  tables: TableRows,
  onTable?: (table: string, rows: number, ms: number) => void,
): Promise<void> {
  const queue = [...INSERT_ORDER].sort((a, b) => tables.count(b) - tables.count(a));
  const worker = async () => {
    const client = await pool.connect();
    try {
      await client.query('set synchronous_commit = off');
      await client.query('set session_replication_role = replica');
      for (let table = queue.shift(); table; table = queue.shift()) await writeTable(client, table, tables, onTable);
      await client.query('set session_replication_role = origin');
    } finally {
      client.release();
    }
  };
  await Promise.all([worker(), worker()]);
}

async function writeTable(
  client: pg.PoolClient,
  table: TableName,
  tables: TableRows,
  onTable?: (table: string, rows: number, ms: number) => void,
) {
  const rows = tables.rows.get(table)!;
  if (rows.length === 0) return;
  const started = performance.now();
  const columns = Object.entries(TABLES[table]);
  // A per-row array (sessions.weekdays) cannot ride inside an array parameter: it goes as text.
  const params = columns.map(([, type], i) => `$${i + 1}::${type === 'smallint[]' ? 'text' : type}[]`);
  const selects = columns.map(([, type], i) => (type === 'smallint[]' ? `c${i}::smallint[]` : `c${i}`));
  const sql =
    `insert into ${table} (${columns.map(([name]) => `"${name}"`).join(', ')}) ` +
    `select ${selects.join(', ')} from unnest(${params.join(', ')}) as u(${columns.map((_, i) => `c${i}`).join(', ')})`;
  await client.query('begin');
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT);
    await client.query(sql, columns.map((_, i) => chunk.map((row) => row[i])));
  }
  await client.query('commit');
  onTable?.(table, rows.length, performance.now() - started);
}
