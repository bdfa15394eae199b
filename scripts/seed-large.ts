import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { LARGE_PASSWORD, seedLarge } from './bench/large-org/seed.js';

/**
 * `npm run seed:large -- --scale N [--today YYYY-MM-DD]`: loads deterministic synthetic
 * organizations into DATABASE_URL (migrating it first). Scale 1 is a business with 300
 * running weekly sessions, about 5,000 active clients and ten years of subscriptions,
 * transfers, invoices and payments, plus a control organization with the same present and
 * one year of history. Scale N multiplies sessions, seats, staff and locations by N.
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    today: { type: 'string' },
  },
});
const scale = Number(values.scale);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL to the PostgreSQL database to load, e.g. postgres://postgres@127.0.0.1:5432/large');
  process.exit(1);
}
if (!Number.isInteger(scale) || scale < 1 || scale > 20) {
  console.error('--scale must be a whole number from 1 to 20');
  process.exit(1);
}
const started = performance.now();
const organizations = await seedLarge({
  databaseUrl,
  scale,
  ...(values.today ? { today: Temporal.PlainDate.from(values.today) } : {}),
  log: (line) => console.log(line),
});
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s. Logins (password ${LARGE_PASSWORD}):`);
for (const organization of organizations) {
  console.log(`  ${organization.name} (${organization.id}): ${Object.values(organization.logins).join(', ')}`);
}
