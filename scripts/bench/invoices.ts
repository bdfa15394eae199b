import type pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../src/db/client.js';
import { runInvoices } from '../../src/server/services/billing/invoice-run.js';

/**
 * The invoice run of a large organization against its floor: the same invoices, lines and
 * ledger charges written by one `INSERT … SELECT` (over arrays of the rows the run wrote), on
 * the same database. The seed bills through the period whose issue day has come, so the run
 * is measured as of a later day: the first of the month after next, less the issue days, when
 * every active subscription's next month is due. After each measurement its rows are deleted,
 * so each repeat starts from the seeded state.
 */
export interface InvoiceRunResult {
  runOn: string;
  invoices: number;
  lines: number;
  /** Seconds of each repeat, for the 10-year organization, its floor and the 1-year organization. */
  run: number[];
  floor: number[];
  control: number[];
  controlInvoices: number;
}

export const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The day the bench runs as of: every active subscription's month after next is due (issue days before the 1st: 7). */
export function benchRunDay(today: Temporal.PlainDate, issueDaysBefore = 7): Temporal.PlainDate {
  return today.with({ day: 1 }).add({ months: 2 }).subtract({ days: issueDaysBefore });
}

/**
 * Deletes what a run (or the floor) issued on `runOn`: ledger charges, lines, invoices and the
 * run's record. The product never deletes an invoice, so the tables that point at invoices
 * have no index for it; the foreign-key checks (one scan of a million ledger entries per
 * invoice) are skipped for this connection: nothing else points at rows issued a moment ago.
 */
export async function removeIssued(pool: pg.Pool, organizationId: string, runOn: string) {
  const client = await pool.connect();
  try {
    await client.query(`set session_replication_role = replica`);
    const issued = `select id from invoices where organization_id = $1 and issued_on = $2`;
    await client.query(`delete from ledger_entries where organization_id = $1 and invoice_id in (${issued})`, [organizationId, runOn]);
    await client.query(`delete from invoice_lines where organization_id = $1 and invoice_id in (${issued})`, [organizationId, runOn]);
    await client.query(`delete from invoices where organization_id = $1 and issued_on = $2`, [organizationId, runOn]);
    await client.query(`delete from invoice_runs where organization_id = $1 and run_on = $2`, [organizationId, runOn]);
    await client.query(`set session_replication_role = origin`);
    await client.query('vacuum (analyze) invoices, invoice_lines');
  } finally {
    client.release();
  }
}

interface IssuedRows {
  invoices: Record<string, unknown[]>;
  lines: Record<string, unknown[]>;
  charges: Record<string, unknown[]>;
}

/** The rows the run wrote, column by column, with new ids: what the floor writes again. */
async function issuedRows(pool: pg.Pool, organizationId: string, runOn: string): Promise<IssuedRows> {
  const columns = async (query: string) => {
    const { rows, fields } = await pool.query(query, [organizationId, runOn]);
    return Object.fromEntries(fields.map((f) => [f.name, rows.map((r) => r[f.name])]));
  };
  return {
    invoices: await columns(
      `select gen_random_uuid() as new_id, id, family_id, subscription_id, status::text, issued_on::text, due_on::text, period_start::text,
              period_end::text, subtotal, discount_total, total
       from invoices where organization_id = $1 and issued_on = $2 order by id`,
    ),
    lines: await columns(
      `select l.invoice_id, l.subscription_id, l.description, l.period_start::text, l.period_end::text, l.quantity_numerator,
              l.quantity_denominator, l.unit_amount, l.amount
       from invoice_lines l join invoices i on i.organization_id = l.organization_id and i.id = l.invoice_id
       where i.organization_id = $1 and i.issued_on = $2 order by l.invoice_id`,
    ),
    charges: await columns(
      `select e.invoice_id, e.family_id, e.kind::text, e.amount, e.description, e.occurred_on::text
       from ledger_entries e join invoices i on i.organization_id = e.organization_id and i.id = e.invoice_id
       where i.organization_id = $1 and i.issued_on = $2 order by e.invoice_id`,
    ),
  };
}

/**
 * The floor: one statement writing the same invoices, lines and ledger charges (the invoice ids
 * mapped to new ones inside the statement, as the run's inserts return theirs).
 */
const FLOOR = `
with new_invoices as (
  insert into invoices (organization_id, id, family_id, subscription_id, status, issued_on, due_on, period_start, period_end, subtotal, discount_total, total)
  select $1, new_id, family_id, subscription_id, status::invoice_status, issued_on, due_on, period_start, period_end, subtotal, discount_total, total
  from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::date[], $7::date[], $8::date[], $9::date[], $10::int[], $11::int[], $12::int[], $13::uuid[])
    as t(new_id, family_id, subscription_id, status, issued_on, due_on, period_start, period_end, subtotal, discount_total, total, old_id)
  on conflict do nothing
  returning id
), ids as (
  select old_id, new_id from unnest($13::uuid[], $2::uuid[]) as m(old_id, new_id)
), new_lines as (
  insert into invoice_lines (organization_id, invoice_id, subscription_id, description, period_start, period_end, quantity_numerator, quantity_denominator, unit_amount, amount)
  select $1, ids.new_id, l.subscription_id, l.description, l.period_start, l.period_end, l.num, l.den, l.unit_amount, l.amount
  from unnest($14::uuid[], $15::uuid[], $16::text[], $17::date[], $18::date[], $19::int[], $20::int[], $21::int[], $22::int[])
    as l(invoice_id, subscription_id, description, period_start, period_end, num, den, unit_amount, amount)
  join ids on ids.old_id = l.invoice_id
  returning 1
), new_charges as (
  insert into ledger_entries (organization_id, family_id, invoice_id, kind, amount, description, occurred_on)
  select $1, e.family_id, ids.new_id, e.kind::ledger_entry_kind, e.amount, e.description, e.occurred_on
  from unnest($23::uuid[], $24::uuid[], $25::text[], $26::int[], $27::text[], $28::date[]) as e(invoice_id, family_id, kind, amount, description, occurred_on)
  join ids on ids.old_id = e.invoice_id
  returning 1
)
select (select count(*) from new_invoices)::int as invoices, (select count(*) from new_lines)::int as lines, (select count(*) from new_charges)::int as charges`;

async function floorOnce(pool: pg.Pool, organizationId: string, rows: IssuedRows) {
  const i = rows.invoices;
  const l = rows.lines;
  const c = rows.charges;
  const started = performance.now();
  const { rows: counts } = await pool.query(FLOOR, [
    organizationId,
    i.new_id, i.family_id, i.subscription_id, i.status, i.issued_on, i.due_on, i.period_start, i.period_end, i.subtotal, i.discount_total, i.total, i.id,
    l.invoice_id, l.subscription_id, l.description, l.period_start, l.period_end, l.quantity_numerator, l.quantity_denominator, l.unit_amount, l.amount,
    c.invoice_id, c.family_id, c.kind, c.amount, c.description, c.occurred_on,
  ]);
  const seconds = (performance.now() - started) / 1000;
  const written = counts[0] as { invoices: number; lines: number; charges: number };
  if (written.invoices !== i.id!.length || written.lines !== l.invoice_id!.length || written.charges !== c.invoice_id!.length) {
    throw new Error(`The floor wrote ${JSON.stringify(written)}, the run ${i.id!.length} invoices, ${l.invoice_id!.length} lines, ${c.invoice_id!.length} charges`);
  }
  return seconds;
}

async function runOnce(db: Database, organizationId: string, runOn: Temporal.PlainDate) {
  const started = performance.now();
  const result = await runInvoices(db, { organizationId, today: runOn });
  return { seconds: (performance.now() - started) / 1000, issued: result.issued };
}

/** Repeats (run, floor, run of the 1-year organization), each from the seeded state; medians are the figures. */
export async function benchInvoiceRun(o: {
  db: Database;
  pool: pg.Pool;
  large: string;
  control: string;
  today: Temporal.PlainDate;
  repeats: number;
  log: (line: string) => void;
}): Promise<InvoiceRunResult> {
  const runOn = benchRunDay(o.today);
  const day = runOn.toString();
  await removeIssued(o.pool, o.large, day);
  await removeIssued(o.pool, o.control, day);
  const result: InvoiceRunResult = { runOn: day, invoices: 0, lines: 0, run: [], floor: [], control: [], controlInvoices: 0 };
  for (let repeat = 0; repeat < o.repeats; repeat++) {
    const run = await runOnce(o.db, o.large, runOn);
    const rows = await issuedRows(o.pool, o.large, day);
    result.invoices = run.issued;
    result.lines = rows.lines.invoice_id!.length;
    result.run.push(run.seconds);
    await removeIssued(o.pool, o.large, day);
    result.floor.push(await floorOnce(o.pool, o.large, rows));
    await removeIssued(o.pool, o.large, day);
    const control = await runOnce(o.db, o.control, runOn);
    result.control.push(control.seconds);
    result.controlInvoices = control.issued;
    await removeIssued(o.pool, o.control, day);
    o.log(
      `  invoice run ${repeat + 1}/${o.repeats} as of ${day}: ${run.issued} invoices in ${run.seconds.toFixed(2)} s; ` +
        `floor ${result.floor.at(-1)!.toFixed(2)} s; 1-year organization ${control.issued} in ${control.seconds.toFixed(2)} s`,
    );
  }
  return result;
}
