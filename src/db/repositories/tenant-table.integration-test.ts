import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { clients, families } from '../schema/index.js';
import { buildClient, buildFamily, buildOrganization } from '../seed/builders.js';
import { itOnServer, openTestDatabase } from '../testing/test-database.js';
import { tenantTable } from './tenant-table.js';

// The shared machinery, over tables declared here (not the entity repositories' choices).
const clientRows = tenantTable(clients, {
  orderBy: [clients.lastName],
  filterColumns: { familyId: clients.familyId },
  searchColumns: [clients.firstName, clients.lastName],
});
const familyRows = tenantTable(families, { orderBy: [families.name] });

/** Row locks need a second connection: only the PostgreSQL server has one. */

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

/** Whether another connection finds the client's row locked (NOWAIT fails at once instead of queueing). */
async function lockedElsewhere(organizationId: string, id: string): Promise<boolean> {
  try {
    await db.execute(
      sql`select 1 from ${clients} where ${clients.organizationId} = ${organizationId} and ${clients.id} = ${id} for update nowait`,
    );
    return false;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === '55P03') return true;
    throw error;
  }
}

const lastNames = (rows: { lastName: string }[]) => rows.map((row) => row.lastName);

describe('tenantTable insert, findById and update', () => {
  it('finds a row only in its own organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const row = await clientRows.insert(db, org.id, { familyId: family.id, firstName: 'Maya', lastName: 'Patel' });

    expect(row).toMatchObject({ organizationId: org.id, familyId: family.id, firstName: 'Maya', lastName: 'Patel', notes: '' });
    expect(await clientRows.findById(db, org.id, row.id)).toEqual(row);
    expect(await clientRows.findById(db, other.id, row.id)).toBeUndefined();
  });

  it('updates only the given fields, and never another organization’s row', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const row = await buildClient(db, org.id, { firstName: 'Maya', lastName: 'Patel' });

    expect(await clientRows.update(db, other.id, row.id, { firstName: 'Stolen' })).toBeUndefined();
    expect(await clientRows.findById(db, org.id, row.id)).toEqual(row);

    const updated = await clientRows.update(db, org.id, row.id, { firstName: 'Mia' });
    expect(updated).toEqual({ ...row, firstName: 'Mia' });
  });

  it('returns the row unchanged for an update with no values, and nothing for another organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const row = await buildClient(db, org.id);

    expect(await clientRows.update(db, org.id, row.id, {})).toEqual(row);
    expect(await clientRows.update(db, other.id, row.id, {})).toBeUndefined();
  });
});

describe('tenantTable findByIdForUpdate', () => {
  it('finds a row only in its own organization', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const row = await buildClient(db, org.id);

    await db.transaction(async (tx) => {
      expect(await clientRows.findByIdForUpdate(tx, org.id, row.id)).toEqual(row);
      expect(await clientRows.findByIdForUpdate(tx, other.id, row.id)).toBeUndefined();
    });
  });

  itOnServer('locks the row until the transaction ends (a plain findById does not)', async () => {
    const org = await buildOrganization(db);
    const row = await buildClient(db, org.id);

    await db.transaction(async (tx) => {
      await clientRows.findById(tx, org.id, row.id);
      expect(await lockedElsewhere(org.id, row.id)).toBe(false);
    });
    await db.transaction(async (tx) => {
      await clientRows.findByIdForUpdate(tx, org.id, row.id);
      expect(await lockedElsewhere(org.id, row.id)).toBe(true);
    });
    expect(await lockedElsewhere(org.id, row.id)).toBe(false);
  });
});

describe('tenantTable listWhereIn', () => {
  it('returns [] for no values', async () => {
    const org = await buildOrganization(db);
    await buildClient(db, org.id);
    expect(await clientRows.listWhereIn(db, org.id, clients.familyId, [], [clients.lastName])).toEqual([]);
  });

  it('returns the organization’s rows whose column is one of the values, in the order asked', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const first = await buildFamily(db, org.id);
    const second = await buildFamily(db, org.id);
    const third = await buildFamily(db, org.id);
    const clark = await buildClient(db, org.id, { familyId: second.id, lastName: 'Clark' });
    const adams = await buildClient(db, org.id, { familyId: first.id, lastName: 'Adams' });
    await buildClient(db, org.id, { familyId: third.id, lastName: 'Baker' });
    const elsewhere = await buildClient(db, other.id);

    const found = await clientRows.listWhereIn(
      db,
      org.id,
      clients.familyId,
      [second.id, first.id, second.id, elsewhere.familyId],
      [clients.lastName],
    );
    expect(found).toEqual([adams, clark]);
  });
});

describe('tenantTable list', () => {
  it('pages the organization’s rows in order, ties by id, with the total of all pages', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const add = (lastName: string) => buildClient(db, org.id, { familyId: family.id, lastName });
    const davis = await add('Davis');
    const adams = await add('Adams');
    const clark = await add('Clark');
    const bakers = [await add('Baker'), await add('Baker')].sort((a, b) => a.id.localeCompare(b.id));
    await buildClient(db, other.id, { lastName: 'Aaron' });

    const all = await clientRows.list(db, org.id, { limit: 10, offset: 0 });
    expect(all).toEqual({ items: [adams, ...bakers, clark, davis], total: 5, limit: 10, offset: 0 });

    const page = await clientRows.list(db, org.id, { limit: 2, offset: 2 });
    expect(page).toEqual({ items: [bakers[1], clark], total: 5, limit: 2, offset: 2 });

    expect(await clientRows.list(db, org.id, { limit: 2, offset: 10 })).toEqual({ items: [], total: 5, limit: 2, offset: 10 });
  });

  it('narrows by a declared filter column, ignoring undefined values and undeclared criteria', async () => {
    const org = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const inFamily = await buildClient(db, org.id, { familyId: family.id, lastName: 'Adams' });
    const outside = await buildClient(db, org.id, { lastName: 'Baker' });
    const page = { limit: 10, offset: 0 };

    expect(await clientRows.list(db, org.id, page, { familyId: family.id })).toMatchObject({ items: [inFamily], total: 1 });
    expect(await clientRows.list(db, org.id, page, { familyId: undefined })).toMatchObject({ items: [inFamily, outside], total: 2 });
    expect(await clientRows.list(db, org.id, page, { lastName: 'Baker' })).toMatchObject({ items: [inFamily, outside], total: 2 });
  });

  it('searches every word, case-insensitively, across the search columns', async () => {
    const org = await buildOrganization(db);
    const other = await buildOrganization(db);
    const add = (firstName: string, lastName: string) => buildClient(db, org.id, { firstName, lastName });
    await add('Maya', 'Patel');
    await add('Maya', 'Smith');
    await add('Priya', 'Patel');
    await buildClient(db, other.id, { firstName: 'Maya', lastName: 'Patel' });
    const names = async (search: string) => {
      const { items, total } = await clientRows.list(db, org.id, { limit: 10, offset: 0 }, { search });
      expect(total).toBe(items.length);
      return items.map((c) => `${c.firstName} ${c.lastName}`).sort();
    };

    expect(await names('maya pat')).toEqual(['Maya Patel']);
    expect(await names('MAYA')).toEqual(['Maya Patel', 'Maya Smith']);
    expect(await names('  patel   priya ')).toEqual(['Priya Patel']);
    expect(await names('ya')).toEqual(['Maya Patel', 'Maya Smith', 'Priya Patel']);
    expect(await names('maya jones')).toEqual([]);
    expect(await names('   ')).toEqual(['Maya Patel', 'Maya Smith', 'Priya Patel']);
  });

  it('takes %, _ and \\ in a search literally', async () => {
    const org = await buildOrganization(db);
    const add = (lastName: string) => buildClient(db, org.id, { firstName: 'Test', lastName });
    for (const name of ['50% Off', '5000', 'A_b', 'Axb', 'Back\\slash', 'Bocks']) await add(name);
    const names = async (search: string) => {
      const { items, total } = await clientRows.list(db, org.id, { limit: 10, offset: 0 }, { search });
      expect(total).toBe(items.length);
      return lastNames(items).sort();
    };

    expect(await names('50%')).toEqual(['50% Off']);
    expect(await names('%')).toEqual(['50% Off']);
    expect(await names('a_b')).toEqual(['A_b']);
    expect(await names('k\\s')).toEqual(['Back\\slash']);
  });

  it('combines a filter with a search', async () => {
    const org = await buildOrganization(db);
    const family = await buildFamily(db, org.id);
    const maya = await buildClient(db, org.id, { familyId: family.id, firstName: 'Maya', lastName: 'Patel' });
    await buildClient(db, org.id, { familyId: family.id, firstName: 'Ravi', lastName: 'Patel' });
    await buildClient(db, org.id, { firstName: 'Maya', lastName: 'Patel' });

    const found = await clientRows.list(db, org.id, { limit: 10, offset: 0 }, { familyId: family.id, search: 'maya' });
    expect(found).toMatchObject({ items: [maya], total: 1 });
  });

  it('ignores a search on a table that declares no search columns', async () => {
    const org = await buildOrganization(db);
    const adams = await buildFamily(db, org.id, { name: 'Adams' });
    const baker = await buildFamily(db, org.id, { name: 'Baker' });

    expect(await familyRows.list(db, org.id, { limit: 10, offset: 0 }, { search: 'zzz' })).toMatchObject({ items: [adams, baker], total: 2 });
  });
});
