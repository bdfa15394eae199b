import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildOrganization, buildService } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { serviceRepository } from './service-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('serviceRepository', () => {
  it('inserts, finds and updates a service only within its organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const service = await serviceRepository.insert(db, org.id, {
      name: 'Group Lessons',
      description: 'Ages 4-6',
      defaultPaymentPlan: 'per_visit',
      defaultPrice: 2500,
    });

    expect(service).toMatchObject({ organizationId: org.id, defaultPaymentPlan: 'per_visit', defaultPrice: 2500 });
    expect(await serviceRepository.findById(db, org.id, service.id)).toEqual(service);
    expect(await serviceRepository.findById(db, other.id, service.id)).toBeUndefined();
    expect(await serviceRepository.update(db, other.id, service.id, { defaultPrice: 1 })).toBeUndefined();
    expect(await serviceRepository.update(db, org.id, service.id, { defaultPrice: 3000 })).toEqual({ ...service, defaultPrice: 3000 });
  });

  it('lists the organization’s services by name', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const swim = await buildService(db, org.id, { name: 'Swim Team' });
    const adult = await buildService(db, org.id, { name: 'Adult Lessons' });
    await buildService(db, other.id, { name: 'Aqua Fit' });

    expect(await serviceRepository.list(db, org.id, { limit: 10, offset: 0 })).toEqual({ items: [adult, swim], total: 2, limit: 10, offset: 0 });
  });
});
