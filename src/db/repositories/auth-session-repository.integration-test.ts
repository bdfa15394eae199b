import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { authMembers, authSessions, authUsers } from '../schema/index.js';
import { buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { authSessionRepository } from './auth-session-repository.js';

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

async function buildMember(organizationId: string, userId: string, role: string) {
  await db.insert(authMembers).values({ id: randomUUID(), organizationId, userId, role });
}

/** A login session; its token is returned. Expires in an hour unless told. */
async function buildLogin(userId: string, activeOrganizationId: string | null, expiresAt = new Date(Date.now() + 3_600_000)) {
  const token = randomUUID();
  await db.insert(authSessions).values({ id: randomUUID(), token, expiresAt, userId, activeOrganizationId });
  return token;
}

describe('authSessionRepository.findWithMembership', () => {
  it('returns the user, and the role and organization of the active organization they belong to', async () => {
    const org = await buildOrganization(db);
    const user = await buildUser('Alex');
    await buildMember(org.id, user.id, 'manager');
    const expiresAt = new Date('2099-01-01T00:00:00Z');
    const token = await buildLogin(user.id, org.id, expiresAt);

    expect(await authSessionRepository.findWithMembership(db, token)).toEqual({
      expiresAt,
      userId: user.id,
      email: user.email,
      name: 'Alex',
      role: 'manager',
      organization: org,
    });
  });

  it('gives the role in the active organization when the user belongs to several', async () => {
    const first = await buildOrganization(db);
    const second = await buildOrganization(db);
    const user = await buildUser('Alex');
    await buildMember(first.id, user.id, 'owner');
    await buildMember(second.id, user.id, 'instructor');
    const token = await buildLogin(user.id, second.id);

    expect(await authSessionRepository.findWithMembership(db, token)).toMatchObject({ role: 'instructor', organization: second });
  });

  it('returns the session without role or organization when there is no active organization', async () => {
    const org = await buildOrganization(db);
    const user = await buildUser('Alex');
    await buildMember(org.id, user.id, 'owner');
    const token = await buildLogin(user.id, null);

    expect(await authSessionRepository.findWithMembership(db, token)).toMatchObject({ userId: user.id, role: null, organization: null });
  });

  it('returns no role or organization when the user is not a member of the active organization', async () => {
    const org = await buildOrganization(db);
    const theirs = await buildOrganization(db);
    const user = await buildUser('Alex');
    const stranger = await buildUser('Sam');
    await buildMember(theirs.id, user.id, 'owner');
    await buildMember(org.id, stranger.id, 'owner');
    const token = await buildLogin(user.id, org.id);

    expect(await authSessionRepository.findWithMembership(db, token)).toMatchObject({ userId: user.id, role: null, organization: null });
  });

  it('still returns an expired session, with its expiry (the caller refuses it)', async () => {
    const org = await buildOrganization(db);
    const user = await buildUser('Alex');
    await buildMember(org.id, user.id, 'owner');
    const expiresAt = new Date('2020-01-01T00:00:00Z');
    const token = await buildLogin(user.id, org.id, expiresAt);

    expect(await authSessionRepository.findWithMembership(db, token)).toMatchObject({ expiresAt, role: 'owner', organization: org });
  });

  it('finds nothing for an unknown token', async () => {
    const user = await buildUser('Alex');
    await buildLogin(user.id, null);
    expect(await authSessionRepository.findWithMembership(db, randomUUID())).toBeUndefined();
  });
});
