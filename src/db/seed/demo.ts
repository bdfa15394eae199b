import type { Temporal } from 'temporal-polyfill';
import type { Database } from '../client.js';
import { clientRepository } from '../repositories/client-repository.js';
import { familyRepository } from '../repositories/family-repository.js';
import { guardianRepository } from '../repositories/guardian-repository.js';
import { instructorRepository } from '../repositories/instructor-repository.js';
import { invoiceLineRepository, invoiceRepository } from '../repositories/invoice-repository.js';
import { locationRepository } from '../repositories/location-repository.js';
import { organizationRepository } from '../repositories/organization-repository.js';
import { paymentRepository } from '../repositories/payment-repository.js';
import { serviceRepository } from '../repositories/service-repository.js';
import { sessionRepository } from '../repositories/session-repository.js';
import { staffRepository } from '../repositories/staff-repository.js';
import { subscriptionRepository } from '../repositories/subscription-repository.js';
import { DEMO_ORGANIZATION_ID, planDemo, type DemoPlan } from './demo-plan.js';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff.js';

export { DEMO_ORGANIZATION_ID, DEMO_SECOND_ORGANIZATION_ID, planDemo, type DemoPlan } from './demo-plan.js';

/**
 * Inserts the demo (Riverside Swim School, plus the small Lakeside Gymnastics tenant) in one
 * transaction: a failure leaves nothing behind. Fails if the demo is already there; use
 * seedDemoIfEmpty where that can happen.
 */
export async function seedDemo(db: Database, o: { today: Temporal.PlainDate }): Promise<{ organizationId: string }> {
  const plan = planDemo(o);
  await db.transaction(async (tx) => writePlan(tx, plan));
  return { organizationId: DEMO_ORGANIZATION_ID };
}

/** Seeds the demo unless its organization exists; either way returns its id. Safe to call at every start-up. */
export async function seedDemoIfEmpty(
  db: Database,
  o: { today: Temporal.PlainDate },
): Promise<{ organizationId: string }> {
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

/** Inserts the plan table by table, parents first, through the repositories. */
async function writePlan(db: Database, plan: DemoPlan): Promise<void> {
  for (const row of plan.organizations) await organizationRepository.insert(db, row);
  for (const staff of DEMO_STAFF) await staffRepository.create(db, { ...staff, password: DEMO_PASSWORD });
  for (const row of plan.locations) await locationRepository.insert(db, row.organizationId, row);
  for (const row of plan.instructors) await instructorRepository.insert(db, row.organizationId, row);
  for (const row of plan.services) await serviceRepository.insert(db, row.organizationId, row);
  for (const row of plan.sessions) await sessionRepository.insert(db, row.organizationId, row);
  for (const row of plan.sessionDateExceptions) await sessionRepository.upsertException(db, row);
  for (const row of plan.families) await familyRepository.insert(db, row.organizationId, row);
  for (const row of plan.guardians) await guardianRepository.insert(db, row.organizationId, row);
  for (const row of plan.clients) await clientRepository.insert(db, row.organizationId, row);
  for (const row of plan.subscriptions) await subscriptionRepository.insert(db, row.organizationId, row);
  for (const row of plan.invoices) await invoiceRepository.insert(db, row.organizationId, row);
  for (const row of plan.invoiceLines) await invoiceLineRepository.insert(db, row.organizationId, row);
  for (const row of plan.payments) await paymentRepository.insert(db, row.organizationId, row);
}

function isUniqueViolation(error: unknown): boolean {
  // Drizzle wraps the driver's error; PostgreSQL and PGlite both put the SQLSTATE in `code`.
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
