import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { authMembers, authUsers } from '../schema/index.js';
import { buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { authMemberRepository } from './auth-member-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

async function buildUser(name: string) {
  const id = randomUUID();
  const [user] = await db.insert(authUsers).values({ id, name, email: `${id}@example.test` }).returning();
  return user!;
}

async function buildMember(organizationId: string, userId: string, role: string, createdAt = new Date()) {
  const [member] = await db.insert(authMembers).values({ id: randomUUID(), organizationId, userId, role, createdAt }).returning();
  return member!;
}

describe('authMemberRepository', () => {
  describe('firstForUser', () => {
    it('returns the user’s earliest membership', async () => {
      const first = await buildOrganization(db);
      const second = await buildOrganization(db);
      const user = await buildUser('Alex');
      const someoneElse = await buildUser('Sam');
      await buildMember(first.id, someoneElse.id, 'owner', new Date('2026-12-01T00:00:00Z'));
      await buildMember(second.id, user.id, 'manager', new Date('2027-01-02T00:00:00Z'));
      const earliest = await buildMember(first.id, user.id, 'front_desk', new Date('2027-01-01T00:00:00Z'));

      expect(await authMemberRepository.firstForUser(db, user.id)).toEqual(earliest);
    });

    it('returns nothing for a user without a membership', async () => {
      const user = await buildUser('Nobody');
      expect(await authMemberRepository.firstForUser(db, user.id)).toBeUndefined();
    });
  });

  describe('listWithUsers', () => {
    it('lists the organization’s members with their users, by user name, and no other organization’s', async () => {
      const org = await buildOrganization(db);
      const other = await buildOrganization(db);
      const zed = await buildUser('Zed');
      const alex = await buildUser('Alex');
      const maya = await buildUser('Maya');
      const outsider = await buildUser('Aaron');
      const zedMember = await buildMember(org.id, zed.id, 'instructor');
      const alexMember = await buildMember(org.id, alex.id, 'owner');
      const mayaMember = await buildMember(org.id, maya.id, 'front_desk');
      await buildMember(other.id, maya.id, 'owner');
      await buildMember(other.id, outsider.id, 'owner');

      expect(await authMemberRepository.listWithUsers(db, org.id)).toEqual([
        { member: alexMember, user: alex },
        { member: mayaMember, user: maya },
        { member: zedMember, user: zed },
      ]);
    });

    it('returns [] for an organization without members', async () => {
      const org = await buildOrganization(db);
      expect(await authMemberRepository.listWithUsers(db, org.id)).toEqual([]);
    });
  });
});
