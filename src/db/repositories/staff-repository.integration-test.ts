import { randomUUID } from 'node:crypto';
import { verifyPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { authAccounts, authMembers, authUsers } from '../schema/index.js';
import { buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { staffRepository } from './staff-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

describe('staffRepository.create', () => {
  it('creates a verified user with a lower-case email, a hashed password account and a membership with the role', async () => {
    const org = await buildOrganization(db);
    const local = randomUUID().slice(0, 8);
    const created = await staffRepository.create(db, {
      organizationId: org.id,
      name: 'Alex Front',
      email: `Alex.${local}@Example.TEST`,
      password: 'correct horse battery',
      role: 'front_desk',
    });

    expect(created).toMatchObject({ name: 'Alex Front', email: `alex.${local}@example.test`, emailVerified: true, role: 'front_desk' });
    const [user] = await db.select().from(authUsers).where(eq(authUsers.id, created.id));
    expect({ ...user, role: 'front_desk' }).toEqual(created);

    const accounts = await db.select().from(authAccounts).where(eq(authAccounts.userId, created.id));
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ accountId: created.id, providerId: 'credential' });
    expect(accounts[0]!.password).not.toContain('correct horse battery');
    expect(await verifyPassword({ hash: accounts[0]!.password!, password: 'correct horse battery' })).toBe(true);
    expect(await verifyPassword({ hash: accounts[0]!.password!, password: 'wrong' })).toBe(false);

    const members = await db.select().from(authMembers).where(eq(authMembers.userId, created.id));
    expect(members).toEqual([expect.objectContaining({ organizationId: org.id, userId: created.id, role: 'front_desk' })]);
  });

  it('refuses an email already taken, whatever its case', async () => {
    const org = await buildOrganization(db);
    const email = `sam.${randomUUID().slice(0, 8)}@example.test`;
    await staffRepository.create(db, { organizationId: org.id, name: 'Sam', email, password: 'a password', role: 'owner' });

    await expect(
      staffRepository.create(db, { organizationId: org.id, name: 'Sam Again', email: email.toUpperCase(), password: 'a password', role: 'owner' }),
    ).rejects.toThrow();
  });
});
