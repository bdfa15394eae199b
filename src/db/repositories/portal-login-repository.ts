import { hashPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../client.js';
import { authAccounts, authUsers, guardians } from '../schema/index.js';

export interface NewPortalLogin {
  organizationId: string;
  guardianId: string;
  name: string;
  email: string;
  /** Absent for an invitation: the guardian sets one through the invitation's link. */
  password?: string;
}

export const portalLoginRepository = {
  /**
   * A guardian's family-portal login: a user with a password account (hashed by better-auth)
   * and no organization membership, linked from the guardian row. Without a password the
   * account gets a random one nobody knows, until the guardian sets theirs.
   */
  async create(db: Database, o: NewPortalLogin) {
    const userId = randomUUID();
    const [user] = await db
      .insert(authUsers)
      .values({ id: userId, name: o.name, email: o.email.toLowerCase(), emailVerified: true })
      .returning();
    await db.insert(authAccounts).values({
      id: randomUUID(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: await hashPassword(o.password ?? randomBytes(32).toString('base64url')),
    });
    await db
      .update(guardians)
      .set({ userId, portalInvitedAt: new Date() })
      .where(and(eq(guardians.organizationId, o.organizationId), eq(guardians.id, o.guardianId)));
    return user!;
  },
};
