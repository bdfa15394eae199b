import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildFamily, buildGuardian, buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { guardianRepository } from './guardian-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('guardianRepository', () => {
  it('inserts, finds and updates a guardian only within its organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const guardian = await guardianRepository.insert(db, org.id, { familyId: family.id, name: 'Priya', email: null, phone: '555-0100' });

    expect(guardian).toMatchObject({ organizationId: org.id, familyId: family.id, name: 'Priya', email: null, phone: '555-0100' });
    expect(await guardianRepository.findById(db, other.id, guardian.id)).toBeUndefined();
    expect(await guardianRepository.update(db, other.id, guardian.id, { phone: 'x' })).toBeUndefined();
    expect(await guardianRepository.update(db, org.id, guardian.id, { phone: '555-0199' })).toEqual({ ...guardian, phone: '555-0199' });
  });

  it('lists by name, narrowed to a family', async () => {
    const org = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const priya = await buildGuardian(db, org.id, { familyId: family.id, name: 'Priya' });
    const arun = await buildGuardian(db, org.id, { familyId: family.id, name: 'Arun' });
    const other = await buildGuardian(db, org.id, { name: 'Bea' });

    expect(await guardianRepository.list(db, org.id, { limit: 10, offset: 0 })).toMatchObject({ items: [arun, other, priya], total: 3 });
    expect(await guardianRepository.list(db, org.id, { limit: 10, offset: 0 }, { familyId: family.id })).toMatchObject({
      items: [arun, priya],
      total: 2,
    });
  });

  describe('listForFamilies', () => {
    it('returns [] for no families', async () => {
      const org = await buildOrganization(db);
      await buildGuardian(db, org.id);
      expect(await guardianRepository.listForFamilies(db, org.id, [])).toEqual([]);
    });

    it('returns the guardians of the given families by name, and none of another organization', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const patel = await buildFamily(db, org.id);
      const smith = await buildFamily(db, org.id);
      const priya = await buildGuardian(db, org.id, { familyId: patel.id, name: 'Priya' });
      const arun = await buildGuardian(db, org.id, { familyId: patel.id, name: 'Arun' });
      const jo = await buildGuardian(db, org.id, { familyId: smith.id, name: 'Jo' });
      await buildGuardian(db, org.id, { name: 'Ben' });
      const elsewhere = await buildGuardian(db, other.id, { name: 'Amy' });

      expect(await guardianRepository.listForFamilies(db, org.id, [smith.id, patel.id])).toEqual([arun, jo, priya]);
      expect(await guardianRepository.listForFamilies(db, org.id, [elsewhere.familyId])).toEqual([]);
      expect(await guardianRepository.listForFamilies(db, other.id, [patel.id])).toEqual([]);
    });
  });
});
