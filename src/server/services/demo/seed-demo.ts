import type { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { firstRunRepository } from '../../../db/repositories/first-run-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import { DEMO_STAFF } from '../../../db/seed/demo-staff.js';
import { DEMO_ORGANIZATION_ID, planDemo, writeDemoPlan } from '../../../db/seed/demo.js';
import { billDemo } from './bill-demo.js';

/**
 * Seeds the demo (Riverside Swim School, plus the small Lakeside Gymnastics tenant) in one
 * transaction, so a failure leaves nothing behind: the plan's catalog, families, clients and
 * subscriptions (src/db/seed), then their invoices and payments from the billing engine.
 * Fails if the demo is already there; use seedDemoIfEmpty where that can happen.
 */
export async function seedDemo(db: Database, o: { today: Temporal.PlainDate }): Promise<{ organizationId: string }> {
  const plan = planDemo(o);
  await db.transaction(async (tx) => {
    await writeDemoPlan(tx, plan);
    await billDemo(tx, { today: o.today, organizationIds: plan.organizations.map((organization) => organization.id), scenario: plan.scenario });
  });
  return { organizationId: DEMO_ORGANIZATION_ID };
}

/** Seeds the demo unless its organization exists; either way returns its id. Safe to call at every start-up. */
export async function seedDemoIfEmpty(db: Database, o: { today: Temporal.PlainDate }): Promise<{ organizationId: string }> {
  if (await organizationRepository.findById(db, DEMO_ORGANIZATION_ID)) return { organizationId: DEMO_ORGANIZATION_ID };
  try {
    return await seedDemo(db, o);
  } catch (error) {
    // Another process seeded it between our check and our insert: the fixed id collided, and that is fine.
    if (isUniqueViolation(error) && (await organizationRepository.findById(db, DEMO_ORGANIZATION_ID))) {
      return { organizationId: DEMO_ORGANIZATION_ID };
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  // Drizzle wraps the driver's error; PostgreSQL and PGlite both put the SQLSTATE in `code`.
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * DEMO_DATA at start-up: the demo on a database with no organization at all (or nothing when
 * it is there already). A database with a real organization never gets the demo added.
 */
export async function loadDemoOnFirstStart(db: Database, o: { today: Temporal.PlainDate }): Promise<{ organizationId: string } | null> {
  if (await organizationRepository.findById(db, DEMO_ORGANIZATION_ID)) return { organizationId: DEMO_ORGANIZATION_ID };
  if (await firstRunRepository.anyOrganization(db)) return null;
  return seedDemoIfEmpty(db, o);
}

/** The demo's logins present in the database: they share the password the README publishes. */
export async function demoLoginsPresent(db: Database): Promise<string[]> {
  return firstRunRepository.loginsWithEmails(
    db,
    DEMO_STAFF.map((staff) => staff.email),
  );
}
