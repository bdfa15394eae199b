import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildFamily, buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { familyRepository } from './family-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('familyRepository', () => {
  it('inserts, finds and updates a family only within its organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const family = await familyRepository.insert(db, org.id, { name: 'Patel' });

    expect(family).toMatchObject({ organizationId: org.id, name: 'Patel' });
    expect(await familyRepository.findById(db, org.id, family.id)).toEqual(family);
    expect(await familyRepository.findById(db, other.id, family.id)).toBeUndefined();
    expect(await familyRepository.update(db, other.id, family.id, { name: 'Stolen' })).toBeUndefined();
    expect(await familyRepository.update(db, org.id, family.id, { name: 'Patel-Smith' })).toEqual({ ...family, name: 'Patel-Smith' });
  });

  it('lists the organization’s families by name, narrowed by words of the name, accents ignored', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const clark = await buildFamily(db, org.id, { name: 'Clark' });
    const adams = await buildFamily(db, org.id, { name: 'Adams' });
    await buildFamily(db, other.id, { name: 'Baker' });

    expect(await familyRepository.list(db, org.id, { limit: 10, offset: 0 })).toEqual({ items: [adams, clark], total: 2, limit: 10, offset: 0 });
    expect(await familyRepository.list(db, org.id, { limit: 10, offset: 0 }, { search: 'zzz' })).toMatchObject({ items: [], total: 0 });
    const nunez = await buildFamily(db, org.id, { name: 'Núñez' });
    expect(await familyRepository.list(db, org.id, { limit: 10, offset: 0 }, { search: 'NUNEZ' })).toMatchObject({ items: [nunez], total: 1 });
  });
});
