import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { firstRealSessionDateOnOrAfter } from '../../domain/schedule/session-dates.js';
import type { Database } from '../client.js';
import { clientRepository } from '../repositories/client-repository.js';
import { familyRepository } from '../repositories/family-repository.js';
import { guardianRepository } from '../repositories/guardian-repository.js';
import { invoiceRepository } from '../repositories/invoice-repository.js';
import { instructorRepository } from '../repositories/instructor-repository.js';
import { locationRepository } from '../repositories/location-repository.js';
import { organizationRepository } from '../repositories/organization-repository.js';
import { serviceRepository } from '../repositories/service-repository.js';
import { sessionRepository } from '../repositories/session-repository.js';
import { subscriptionRepository } from '../repositories/subscription-repository.js';
import type {
  clients,
  families,
  guardians,
  instructors,
  invoices,
  locations,
  organizations,
  services,
  sessions,
  subscriptions,
} from '../schema/index.js';
import { sessionScheduleOf } from '../repositories/session-schedule-mapper.js';

/**
 * Builders insert one valid row with defaults for every field, so a test states only what
 * it is about: `const session = await buildSession(db, org.id, { capacity: 1 })`.
 * Missing parents (service, family, ...) are built too, in the same organization.
 */

type Overrides<T extends { $inferInsert: object }> = Partial<Omit<T['$inferInsert'], 'organizationId' | 'createdAt'>>;

// Readable, distinct names within a test run; organizations add a random part because
// parallel test files share one server database.
let sequence = 0;
const nextNumber = () => ++sequence;

export async function buildOrganization(db: Database, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  return organizationRepository.insert(db, {
    name: `Test Organization ${randomUUID().slice(0, 8)}`,
    timeZone: 'America/New_York',
    currency: 'USD',
    locale: 'en-US',
    ...overrides,
  });
}

export async function buildLocation(db: Database, organizationId: string, overrides: Overrides<typeof locations> = {}) {
  const n = nextNumber();
  return locationRepository.insert(db, organizationId, { name: `Pool ${n}`, address: `${n} Main Street`, ...overrides });
}

export async function buildInstructor(
  db: Database,
  organizationId: string,
  overrides: Overrides<typeof instructors> = {},
) {
  const n = nextNumber();
  return instructorRepository.insert(db, organizationId, {
    name: `Instructor ${n}`,
    email: `instructor${n}@example.test`,
    ...overrides,
  });
}

export async function buildService(db: Database, organizationId: string, overrides: Overrides<typeof services> = {}) {
  return serviceRepository.insert(db, organizationId, {
    name: `Group Lessons ${nextNumber()}`,
    description: '',
    defaultPaymentPlan: 'monthly',
    defaultPrice: 8000,
    ...overrides,
  });
}

/** Defaults to a weekly Tuesday 16:00, 45-minute, open-ended session from 2027-01-05 with 10 seats. */
export async function buildSession(db: Database, organizationId: string, overrides: Overrides<typeof sessions> = {}) {
  const service = overrides.serviceId
    ? await requireRow(serviceRepository.findById(db, organizationId, overrides.serviceId), 'service')
    : await buildService(db, organizationId);
  const instructorId = overrides.instructorId ?? (await buildInstructor(db, organizationId)).id;
  const locationId = overrides.locationId ?? (await buildLocation(db, organizationId)).id;
  return sessionRepository.insert(db, organizationId, {
    name: `Session ${nextNumber()}`,
    weekdays: [2],
    startTime: '16:00:00',
    durationMinutes: 45,
    startsOn: '2027-01-05',
    endsOn: null,
    capacity: 10,
    paymentPlan: service.defaultPaymentPlan,
    price: service.defaultPrice,
    ...overrides,
    serviceId: service.id,
    instructorId,
    locationId,
  });
}

export async function buildFamily(db: Database, organizationId: string, overrides: Overrides<typeof families> = {}) {
  return familyRepository.insert(db, organizationId, { name: `Family ${nextNumber()}`, ...overrides });
}

/** An open family invoice of $100.00 with no lines (a family is built when none is given). */
export async function buildInvoice(db: Database, organizationId: string, overrides: Overrides<typeof invoices> = {}) {
  const familyId = overrides.familyId ?? (await buildFamily(db, organizationId)).id;
  return invoiceRepository.insert(db, organizationId, {
    issuedOn: '2027-01-01',
    dueOn: '2027-01-15',
    subtotal: 10_000,
    discountTotal: 0,
    total: 10_000,
    ...overrides,
    familyId,
  });
}

export async function buildGuardian(db: Database, organizationId: string, overrides: Overrides<typeof guardians> = {}) {
  const familyId = overrides.familyId ?? (await buildFamily(db, organizationId)).id;
  const n = nextNumber();
  return guardianRepository.insert(db, organizationId, {
    name: `Guardian ${n}`,
    email: `guardian${n}@example.test`,
    phone: `555-01${String(n % 100).padStart(2, '0')}`,
    ...overrides,
    familyId,
  });
}

export async function buildClient(db: Database, organizationId: string, overrides: Overrides<typeof clients> = {}) {
  const familyId = overrides.familyId ?? (await buildFamily(db, organizationId)).id;
  return clientRepository.insert(db, organizationId, {
    firstName: 'Client',
    lastName: `Number ${nextNumber()}`,
    birthDate: '2019-05-01',
    notes: '',
    ...overrides,
    familyId,
  });
}

/**
 * Enrolls a client (built if not given) in a session (built if not given), ongoing from the
 * session's first real date; plan and price are copied from the session as enrollment does.
 */
export async function buildSubscription(
  db: Database,
  organizationId: string,
  overrides: Overrides<typeof subscriptions> = {},
) {
  const session = overrides.sessionId
    ? await requireRow(sessionRepository.findById(db, organizationId, overrides.sessionId), 'session')
    : await buildSession(db, organizationId);
  const clientId = overrides.clientId ?? (await buildClient(db, organizationId)).id;
  const startsOn = overrides.startsOn ?? (await firstDateOf(db, organizationId, session));
  return subscriptionRepository.insert(db, organizationId, {
    endsOn: null,
    status: 'active',
    paymentPlan: session.paymentPlan,
    priceSnapshot: session.price,
    ...overrides,
    sessionId: session.id,
    clientId,
    startsOn,
  });
}

async function firstDateOf(db: Database, organizationId: string, session: typeof sessions.$inferSelect) {
  const organization = await requireRow(organizationRepository.findById(db, organizationId), 'organization');
  const exceptions = await sessionRepository.exceptionsFor(db, organizationId, [session.id]);
  const schedule = sessionScheduleOf({ session, exceptions, timeZone: organization.timeZone });
  const first = firstRealSessionDateOnOrAfter({ ...schedule, date: Temporal.PlainDate.from(session.startsOn) });
  return (first ?? Temporal.PlainDate.from(session.startsOn)).toString();
}

async function requireRow<T>(row: Promise<T | undefined>, what: string): Promise<T> {
  const found = await row;
  if (!found) throw new Error(`The ${what} given to a builder does not exist in this organization.`);
  return found;
}
