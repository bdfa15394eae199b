import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.js';
import { clientRepository } from '../repositories/client-repository.js';
import { familyRepository } from '../repositories/family-repository.js';
import { serviceRepository } from '../repositories/service-repository.js';
import { sessionRepository } from '../repositories/session-repository.js';
import { openTestDatabase } from '../testing/test-database.js';
import {
  buildClient,
  buildGuardian,
  buildOrganization,
  buildService,
  buildSession,
  buildSubscription,
} from './builders.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

describe('builders', () => {
  it('builds an organization with the documented defaults', async () => {
    const org = await buildOrganization(handle.db);
    expect(org).toMatchObject({ timeZone: 'America/New_York', currency: 'USD', locale: 'en-US' });
    const other = await buildOrganization(handle.db);
    expect(other.name).not.toBe(org.name);
  });

  it('builds a session with its service, instructor and location, pricing it from the service', async () => {
    const org = await buildOrganization(handle.db);
    const service = await buildService(handle.db, org.id, { defaultPaymentPlan: 'per_visit', defaultPrice: 4500 });
    const session = await buildSession(handle.db, org.id, { serviceId: service.id, capacity: 2 });

    expect(session).toMatchObject({ serviceId: service.id, paymentPlan: 'per_visit', price: 4500, capacity: 2 });
    expect(await sessionRepository.findById(handle.db, org.id, session.id)).toEqual(session);

    const standalone = await buildSession(handle.db, org.id);
    expect(await serviceRepository.findById(handle.db, org.id, standalone.serviceId)).toBeDefined();
  });

  it('builds a subscription from the session’s first real date, copying its plan and price', async () => {
    const org = await buildOrganization(handle.db);
    // Starts on a Sunday; its first Tuesday is the first real date.
    const session = await buildSession(handle.db, org.id, { weekdays: [2], startsOn: '2027-01-03', price: 9000 });
    const subscription = await buildSubscription(handle.db, org.id, { sessionId: session.id });

    expect(subscription).toMatchObject({
      sessionId: session.id,
      startsOn: '2027-01-05',
      endsOn: null,
      status: 'active',
      paymentPlan: 'monthly',
      priceSnapshot: 9000,
    });
    const client = await clientRepository.findById(handle.db, org.id, subscription.clientId);
    expect(client).toBeDefined();
    expect(await familyRepository.findById(handle.db, org.id, client!.familyId)).toBeDefined();
  });

  it('keeps a family shared when given, and rows out of other organizations', async () => {
    const org = await buildOrganization(handle.db);
    const other = await buildOrganization(handle.db);
    const guardian = await buildGuardian(handle.db, org.id, { name: 'Priya Example' });
    const client = await buildClient(handle.db, org.id, { familyId: guardian.familyId, firstName: 'Maya' });

    expect(client.familyId).toBe(guardian.familyId);
    expect(await clientRepository.findById(handle.db, other.id, client.id)).toBeUndefined();
  });

  it('refuses a parent from another organization', async () => {
    const org = await buildOrganization(handle.db);
    const other = await buildOrganization(handle.db);
    const session = await buildSession(handle.db, other.id);
    await expect(buildSubscription(handle.db, org.id, { sessionId: session.id })).rejects.toThrow(/does not exist/);
  });
});
