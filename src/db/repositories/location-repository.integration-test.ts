import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildLocation, buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { locationRepository } from './location-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('locationRepository', () => {
  it('inserts, finds and updates a location only within its organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const pool = await locationRepository.insert(db, org.id, { name: 'Main Pool', address: '1 River Rd' });

    expect(pool).toMatchObject({ organizationId: org.id, name: 'Main Pool', address: '1 River Rd' });
    expect(await locationRepository.findById(db, org.id, pool.id)).toEqual(pool);
    expect(await locationRepository.findById(db, other.id, pool.id)).toBeUndefined();
    expect(await locationRepository.update(db, other.id, pool.id, { name: 'x' })).toBeUndefined();
    expect(await locationRepository.update(db, org.id, pool.id, { address: null })).toEqual({ ...pool, address: null });
  });

  it('lists the organization’s locations by name', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const west = await buildLocation(db, org.id, { name: 'West Pool' });
    const east = await buildLocation(db, org.id, { name: 'East Pool' });
    await buildLocation(db, other.id, { name: 'Another Pool' });

    expect(await locationRepository.list(db, org.id, { limit: 10, offset: 0 })).toEqual({ items: [east, west], total: 2, limit: 10, offset: 0 });
  });
});
