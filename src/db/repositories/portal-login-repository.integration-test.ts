import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../client.js';
import { authMembers, authSessions, authVerifications } from '../schema/index.js';
import { buildGuardian, buildOrganization } from '../seed/builders.js';
import { openTestDatabase } from '../testing/test-database.js';
import { guardianRepository } from './guardian-repository.js';
import { portalLoginRepository } from './portal-login-repository.js';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

const email = () => `Guardian-${randomUUID().slice(0, 8)}@Example.test`;

describe('portal logins', () => {
  it('a new login is linked from the guardian, found by its email in any case, and named with its guardian', async () => {
    const organization = await buildOrganization(db);
    const guardian = await buildGuardian(db, organization.id, { name: 'Priya Patel' });
    const address = email();
    const user = await portalLoginRepository.create(db, { organizationId: organization.id, guardianId: guardian.id, name: guardian.name, email: address });
    expect(user.email).toBe(address.toLowerCase());
    expect((await guardianRepository.findById(db, organization.id, guardian.id))!.userId).toBe(user.id);
    expect(await portalLoginRepository.findLoginByEmail(db, address)).toEqual({
      userId: user.id,
      guardian: { id: guardian.id, organizationId: organization.id, name: 'Priya Patel' },
      staffOf: [],
    });
    expect(await portalLoginRepository.findLoginByEmail(db, email())).toBeUndefined();
  });

  it('knows staff logins as staff of their organization', async () => {
    const organization = await buildOrganization(db);
    const guardian = await buildGuardian(db, organization.id);
    const address = email();
    const user = await portalLoginRepository.create(db, { organizationId: organization.id, guardianId: guardian.id, name: guardian.name, email: address });
    await db.insert(authMembers).values({ id: randomUUID(), organizationId: organization.id, userId: user.id, role: 'front_desk' });
    expect((await portalLoginRepository.findLoginByEmail(db, address))!.staffOf).toEqual([organization.id]);
  });

  it("tells an invitation's status: not invited, invited, signed in (the latest session)", async () => {
    const organization = await buildOrganization(db);
    const guardian = await buildGuardian(db, organization.id);
    expect(await portalLoginRepository.invitationStatus(db, organization.id, guardian.id)).toMatchObject({ userId: null, invitedAt: null, lastSignedInAt: null });
    const user = await portalLoginRepository.create(db, { organizationId: organization.id, guardianId: guardian.id, name: guardian.name, email: email() });
    const invited = await portalLoginRepository.invitationStatus(db, organization.id, guardian.id);
    expect(invited).toMatchObject({ userId: user.id, lastSignedInAt: null });
    expect(invited!.invitedAt).toBeInstanceOf(Date);
    const at = new Date('2027-03-16T15:00:00Z');
    for (const createdAt of [new Date('2027-03-01T15:00:00Z'), at]) {
      await db.insert(authSessions).values({ id: randomUUID(), token: randomUUID(), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), createdAt, updatedAt: createdAt });
    }
    expect(new Date((await portalLoginRepository.invitationStatus(db, organization.id, guardian.id))!.lastSignedInAt!)).toEqual(at);
    expect(await portalLoginRepository.invitationStatus(db, (await buildOrganization(db)).id, guardian.id)).toBeUndefined();
  });

  it('a new set-password token replaces the earlier ones of the same login only; a re-invitation takes the current name and email', async () => {
    const organization = await buildOrganization(db);
    const [a, b] = [await buildGuardian(db, organization.id), await buildGuardian(db, organization.id)];
    const userA = await portalLoginRepository.create(db, { organizationId: organization.id, guardianId: a.id, name: a.name, email: email() });
    const userB = await portalLoginRepository.create(db, { organizationId: organization.id, guardianId: b.id, name: b.name, email: email() });
    const validUntil = new Date(Date.now() + 86_400_000);
    const first = await portalLoginRepository.issueSetPasswordToken(db, { userId: userA.id, validUntil });
    await portalLoginRepository.issueSetPasswordToken(db, { userId: userB.id, validUntil });
    const second = await portalLoginRepository.issueSetPasswordToken(db, { userId: userA.id, validUntil });
    const tokensOf = async (userId: string) => (await db.select().from(authVerifications).where(eq(authVerifications.value, userId))).map((v) => v.identifier);
    expect(await tokensOf(userA.id)).toEqual([`reset-password:${second}`]);
    expect(first).not.toBe(second);
    expect(await tokensOf(userB.id)).toHaveLength(1);

    const newAddress = email();
    await portalLoginRepository.reinvite(db, { organizationId: organization.id, guardianId: a.id, userId: userA.id, name: 'Priya Patel-Shah', email: newAddress });
    expect((await portalLoginRepository.findLoginByEmail(db, newAddress))!.userId).toBe(userA.id);
  });
});
