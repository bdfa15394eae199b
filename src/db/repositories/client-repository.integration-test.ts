import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { buildClient, buildFamily, buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { clientRepository } from './client-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

const page = { limit: 50, offset: 0 };
const fullNames = (rows: { firstName: string; lastName: string }[]) => rows.map((c) => `${c.firstName} ${c.lastName}`);

describe('clientRepository', () => {
  it('inserts, finds and updates a client only within its organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const client = await clientRepository.insert(db, org.id, {
      familyId: family.id,
      firstName: 'Maya',
      lastName: 'Patel',
      birthDate: '2018-04-02',
      notes: 'Left ear plug',
    });

    expect(client).toMatchObject({ organizationId: org.id, familyId: family.id, birthDate: '2018-04-02', notes: 'Left ear plug' });
    expect(await clientRepository.findById(db, org.id, client.id)).toEqual(client);
    expect(await clientRepository.findById(db, other.id, client.id)).toBeUndefined();
    expect(await clientRepository.update(db, other.id, client.id, { notes: 'x' })).toBeUndefined();
    expect(await clientRepository.update(db, org.id, client.id, { notes: '' })).toEqual({ ...client, notes: '' });
  });

  it('lists by last name, then first name', async () => {
    const org = await buildOrganization(db);
    await buildClient(db, org.id, { firstName: 'Zoe', lastName: 'Adams' });
    await buildClient(db, org.id, { firstName: 'Maya', lastName: 'Patel' });
    await buildClient(db, org.id, { firstName: 'Anna', lastName: 'Patel' });
    await buildClient(db, org.id, { firstName: 'Bea', lastName: 'Clark' });

    const { items, total } = await clientRepository.list(db, org.id, page);
    expect(fullNames(items)).toEqual(['Zoe Adams', 'Bea Clark', 'Anna Patel', 'Maya Patel']);
    expect(total).toBe(4);
  });

  it('narrows a list to one family', async () => {
    const org = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const maya = await buildClient(db, org.id, { familyId: family.id, firstName: 'Maya', lastName: 'Patel' });
    await buildClient(db, org.id, { firstName: 'Ravi', lastName: 'Patel' });

    expect(await clientRepository.list(db, org.id, page, { familyId: family.id })).toMatchObject({ items: [maya], total: 1 });
  });

  it('searches first and last names: every word must match one of them', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    await buildClient(db, org.id, { firstName: 'Maya', lastName: 'Patel' });
    await buildClient(db, org.id, { firstName: 'Maya', lastName: 'Smith' });
    await buildClient(db, org.id, { firstName: 'Priya', lastName: 'Patel' });
    await buildClient(db, other.id, { firstName: 'Maya', lastName: 'Patel' });
    const search = async (words: string) => {
      const { items, total } = await clientRepository.list(db, org.id, page, { search: words });
      expect(total).toBe(items.length);
      return fullNames(items);
    };

    expect(await search('maya pat')).toEqual(['Maya Patel']);
    expect(await search('PATEL')).toEqual(['Maya Patel', 'Priya Patel']);
    expect(await search('smith priya')).toEqual([]);
  });

  it('finds "50%" and "a_b" literally, not as wildcards', async () => {
    const org = await buildOrganization(db);
    await buildClient(db, org.id, { firstName: 'Fifty', lastName: '50% Off' });
    await buildClient(db, org.id, { firstName: 'Fifty', lastName: '5000' });
    await buildClient(db, org.id, { firstName: 'A_b', lastName: 'Underscore' });
    await buildClient(db, org.id, { firstName: 'Axb', lastName: 'Underscore' });

    const { items: percent } = await clientRepository.list(db, org.id, page, { search: '50%' });
    expect(fullNames(percent)).toEqual(['Fifty 50% Off']);
    const { items: underscore } = await clientRepository.list(db, org.id, page, { search: 'a_b' });
    expect(fullNames(underscore)).toEqual(['A_b Underscore']);
  });
});
