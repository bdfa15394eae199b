import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { authOrganizations } from '../schema/index.js';
import { buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { organizationRepository } from './organization-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('organizationRepository', () => {
  it('inserts an organization and, under the same id, the auth organization staff belong to', async () => {
    const name = `Lakeside ${randomUUID()}`;
    const org = await organizationRepository.insert(db, { name, timeZone: 'Europe/Berlin', currency: 'EUR' });

    expect(org).toMatchObject({ name, timeZone: 'Europe/Berlin', currency: 'EUR', locale: 'en-US' });
    expect(await organizationRepository.findById(db, org.id)).toEqual(org);
    const [auth] = await db.select().from(authOrganizations).where(eq(authOrganizations.id, org.id));
    expect(auth).toMatchObject({ id: org.id, name, slug: org.id });
  });

  it('finds nothing for an unknown id', async () => {
    expect(await organizationRepository.findById(db, randomUUID())).toBeUndefined();
  });

  it('lists every organization by name', async () => {
    const tag = randomUUID().slice(0, 8);
    const b = await buildOrganization(db, { name: `${tag} B` });
    const a = await buildOrganization(db, { name: `${tag} A` });
    const c = await buildOrganization(db, { name: `${tag} C` });

    const mine = (await organizationRepository.list(db)).filter((o) => o.name.startsWith(tag));
    expect(mine).toEqual([a, b, c]);
  });
});
