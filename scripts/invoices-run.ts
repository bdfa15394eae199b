/**
 * `npm run invoices:run -- [--organization ID] [--today YYYY-MM-DD]`: the invoice run by hand,
 * for every organization or one, as of its today or a date near it. The daily job does the
 * same at 02:00 in each organization's zone; running it again issues nothing more.
 */
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { openDatabase } from '../src/db/client.js';
import { organizationRepository } from '../src/db/repositories/organization-repository.js';
import { AppError } from '../src/domain/errors.js';
import { todayIn } from '../src/domain/time/today.js';
import { loadEnv } from '../src/server/env.js';
import { migrateDatabase } from '../src/server/migrate-database.js';
import { assertRunDateNearToday } from '../src/server/services/billing/billing-settings.js';
import { runInvoices } from '../src/server/services/billing/invoice-run.js';

async function main() {
  const { values } = parseArgs({ options: { organization: { type: 'string' }, today: { type: 'string' } } });
  const env = loadEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await migrateDatabase(database);
    const organizations = (await organizationRepository.list(database.db)).filter((o) => !values.organization || o.id === values.organization);
    if (organizations.length === 0) throw new Error(values.organization ? `No organization has the id ${values.organization}.` : 'There is no organization yet.');
    for (const organization of organizations) {
      const realToday = todayIn(organization.timeZone);
      const today = values.today ? Temporal.PlainDate.from(values.today) : realToday;
      assertRunDateNearToday(today, realToday, organization.locale, '--today');
      const run = await runInvoices(database.db, { organizationId: organization.id, today });
      console.log(`${organization.name}: ${run.issued} invoice${run.issued === 1 ? '' : 's'} issued as of ${run.runOn}` +
        (run.creditApplied > 0 ? `, ${run.creditApplied} minor units of account credit applied` : ''));
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError || error instanceof RangeError ? error.message : error);
  process.exit(1);
});
