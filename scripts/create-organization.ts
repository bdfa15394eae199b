/**
 * `npm run create-organization -- --name "Riverside Swim School" --time-zone America/New_York
 *   --currency USD --locale en-US --owner-name "Olivia Brooks" --owner-email owner@example.com`
 * with the owner's password in OWNER_PASSWORD (never on the command line, where `ps` shows it):
 * the first run for scripted installs, the same use case as the /welcome screen. Refused once any
 * organization exists.
 */
import { parseArgs } from 'node:util';
import { setupBody } from '../src/contracts/setup.js';
import { openDatabase } from '../src/db/client.js';
import { AppError } from '../src/domain/errors.js';
import { loadEnv } from '../src/server/env.js';
import { describeField } from '../src/server/http/field-names.js';
import { migrateDatabase } from '../src/server/migrate-database.js';
import { setUpOrganization } from '../src/server/services/setup/set-up-organization.js';

const options = {
  name: { type: 'string' },
  'time-zone': { type: 'string' },
  currency: { type: 'string' },
  locale: { type: 'string', default: 'en-US' },
  'owner-name': { type: 'string' },
  'owner-email': { type: 'string' },
} as const;

/** The option that carries each field, to name it in a refusal. */
const optionOf: Record<string, string> = {
  organizationName: '--name',
  timeZone: '--time-zone',
  currency: '--currency',
  locale: '--locale',
  ownerName: '--owner-name',
  ownerEmail: '--owner-email',
  ownerPassword: 'OWNER_PASSWORD',
};

async function main() {
  const { values } = parseArgs({ options, strict: true });
  const parsed = setupBody.safeParse({
    organizationName: values.name,
    timeZone: values['time-zone'],
    currency: values.currency,
    locale: values.locale,
    ownerName: values['owner-name'],
    ownerEmail: values['owner-email'],
    ownerPassword: process.env.OWNER_PASSWORD,
  });
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (seen.has(field)) continue;
      seen.add(field);
      console.error(`${optionOf[field] ?? field}: ${describeField(`body.${field}`)} ${issue.message}.`);
    }
    process.exit(1);
  }
  const env = loadEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await migrateDatabase(database);
    const done = await setUpOrganization(database.db, parsed.data);
    console.log(`${done.organization.name} is set up (${done.organization.id}); ${done.owner.email} can sign in as its owner.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? error.message : error);
  process.exit(1);
});
