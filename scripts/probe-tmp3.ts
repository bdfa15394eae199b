import pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import { openDatabase } from '../src/db/client.js';
import { runInvoices } from '../src/server/services/billing/invoice-run.js';
import { subscriptionRepository } from '../src/db/repositories/subscription-repository.js';
import { invoiceRepository, invoiceLineRepository } from '../src/db/repositories/invoice-repository.js';
import { ledgerRepository } from '../src/db/repositories/ledger-repository.js';
import { sessionRepository } from '../src/db/repositories/session-repository.js';
import { removeIssued } from './bench/invoices.js';
const T: Record<string, number> = {};
const wrap = (o: any, name: string, label: string) => {
  const f = o[name];
  o[name] = async (...a: any[]) => { const t = performance.now(); try { return await f.apply(o, a); } finally { T[label] = (T[label] ?? 0) + performance.now() - t; } };
};
wrap(subscriptionRepository, 'billableBatch', 'batch');
wrap(invoiceRepository, 'billedPeriods', 'billed');
wrap(invoiceRepository, 'firstBilledPeriods', 'first');
wrap(invoiceRepository, 'insertUnlessBilled', 'insInvoices');
wrap(invoiceLineRepository, 'insertMany', 'insLines');
wrap(ledgerRepository, 'append', 'ledger');
wrap(sessionRepository, 'exceptionsFor', 'exceptions');
const url = 'postgres://postgres@127.0.0.1:5432/jobs_bench';
const pool = new pg.Pool({ connectionString: url, max: 2 });
const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
for (const org of process.argv.slice(2)) {
  for (const k of Object.keys(T)) delete T[k];
  await removeIssued(pool, org, '2026-12-25');
  const t = performance.now();
  const r = await runInvoices(database.db, { organizationId: org, today: Temporal.PlainDate.from('2026-12-25') });
  console.log(org.slice(0, 4), r.issued, ((performance.now() - t) / 1000).toFixed(2), 's', JSON.stringify(Object.fromEntries(Object.entries(T).map(([k, v]) => [k, Math.round(v)]))));
  await removeIssued(pool, org, '2026-12-25');
}
await pool.end(); await database.close();
