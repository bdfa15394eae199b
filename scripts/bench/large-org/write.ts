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

/**
 * The family ledger of what the load wrote, as the app writes it (DESIGN.md "Family ledger"):
 * a charge per invoice, a discount per discount, a payment per payment and a write-off per
 * write-off, on the day each happened, in time order. The rows went in around the services,
 * so without this every family's ledger (its balance) would be empty. One INSERT … SELECT.
 */
export const LEDGER_FROM_ROWS = `
insert into ledger_entries (organization_id, family_id, invoice_id, kind, amount, description, occurred_on, created_at)
select organization_id, family_id, invoice_id, kind::ledger_entry_kind, amount, description, occurred_on, created_at
from (
  select i.organization_id, i.family_id, i.id as invoice_id, 'charge' as kind, i.subtotal as amount,
         'Invoice: ' || string_agg(l.description, '; ' order by l.period_start, l.id) as description, i.issued_on as occurred_on, i.created_at
  from invoices i join invoice_lines l on l.organization_id = i.organization_id and l.invoice_id = i.id
  where i.organization_id = $1
  group by i.organization_id, i.id
  union all
  select d.organization_id, i.family_id, i.id, 'discount', -d.amount, 'Discount: ' || d.reason, (d.created_at at time zone o.time_zone)::date, d.created_at
  from invoice_discounts d
  join invoices i on i.organization_id = d.organization_id and i.id = d.invoice_id
  join organizations o on o.id = d.organization_id
  where d.organization_id = $1
  union all
  select p.organization_id, p.family_id, p.invoice_id, 'payment', -p.amount,
         'Payment (' || p.method || coalesce(' ' || p.reference, '') || ')', (p.received_at at time zone o.time_zone)::date, p.received_at
  from payments p join organizations o on o.id = p.organization_id
  where p.organization_id = $1
  union all
  select w.organization_id, w.family_id, w.invoice_id, 'write_off', -w.amount, 'Written off: ' || w.reason, (w.written_off_at at time zone o.time_zone)::date, w.written_off_at
  from write_offs w join organizations o on o.id = w.organization_id
  where w.organization_id = $1
) entries
order by occurred_on, created_at`;

export async function writeLedger(pool: pg.Pool, organizationId: string, onTable?: (table: string, rows: number, ms: number) => void): Promise<void> {
  const started = performance.now();
  const client = await pool.connect();
  try {
    await client.query('set synchronous_commit = off');
    // As writeTables: the rows it reads are consistent by construction.
    await client.query('set session_replication_role = replica');
    const result = await client.query(LEDGER_FROM_ROWS, [organizationId]);
    await client.query('set session_replication_role = origin');
    onTable?.('ledger_entries', result.rowCount ?? 0, performance.now() - started);
  } finally {
    client.release();
  }
}
