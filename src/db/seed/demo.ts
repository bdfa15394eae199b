import type { Database } from '../client.js';
import { clientRepository } from '../repositories/client-repository.js';
import { familyRepository } from '../repositories/family-repository.js';
import { guardianRepository } from '../repositories/guardian-repository.js';
import { instructorRepository } from '../repositories/instructor-repository.js';
import { locationRepository } from '../repositories/location-repository.js';
import { organizationRepository } from '../repositories/organization-repository.js';
import { serviceRepository } from '../repositories/service-repository.js';
import { portalLoginRepository } from '../repositories/portal-login-repository.js';
import { sessionRepository } from '../repositories/session-repository.js';
import { staffRepository } from '../repositories/staff-repository.js';
import { subscriptionRepository } from '../repositories/subscription-repository.js';
import type { DemoPlan } from './demo-plan.js';
import { DEMO_GUARDIAN_LOGINS, DEMO_PASSWORD, DEMO_STAFF } from './demo-staff.js';

export { DEMO_ORGANIZATION_ID, DEMO_SECOND_ORGANIZATION_ID, planDemo, type DemoPlan } from './demo-plan.js';

/**
 * Inserts the planned demo (Riverside Swim School and Lakeside Gymnastics: catalog, staff,
 * families, clients and subscriptions) table by table, parents first, through the
 * repositories, in the caller's transaction. Invoices and payments are not part of the
 * plan: the demo's seeding use case (src/server/services/demo/seed-demo.ts) bills it with
 * the billing engine in the same transaction, so the family ledger is written with them.
 */
export async function writeDemoPlan(db: Database, plan: DemoPlan): Promise<void> {
  for (const row of plan.organizations) await organizationRepository.insert(db, row);
  for (const staff of DEMO_STAFF) await staffRepository.create(db, { ...staff, password: DEMO_PASSWORD });
  for (const row of plan.locations) await locationRepository.insert(db, row.organizationId, row);
  for (const row of plan.instructors) await instructorRepository.insert(db, row.organizationId, row);
  for (const row of plan.services) await serviceRepository.insert(db, row.organizationId, row);
  for (const row of plan.sessions) await sessionRepository.insert(db, row.organizationId, row);
  for (const row of plan.sessionDateExceptions) await sessionRepository.upsertException(db, row);
  for (const row of plan.families) await familyRepository.insert(db, row.organizationId, row);
  for (const row of plan.guardians) await guardianRepository.insert(db, row.organizationId, row);
  for (const login of DEMO_GUARDIAN_LOGINS) {
    const guardian = plan.guardians.find((g) => g.organizationId === login.organizationId && g.email === login.email)!;
    await portalLoginRepository.create(db, { organizationId: login.organizationId, guardianId: guardian.id, name: guardian.name, email: login.email, password: DEMO_PASSWORD });
  }
  for (const row of plan.clients) await clientRepository.insert(db, row.organizationId, row);
  for (const row of plan.subscriptions) await subscriptionRepository.insert(db, row.organizationId, row);
}
