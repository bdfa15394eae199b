import { hashPassword } from 'better-auth/crypto';
import { and, eq, like, max } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../client.js';
import { authAccounts, authMembers, authSessions, authUsers, authVerifications, guardians } from '../schema/index.js';

export interface NewPortalLogin {
  organizationId: string;
  guardianId: string;
  name: string;
  email: string;
  /** Absent for an invitation: the guardian sets one through the invitation's link. */
  password?: string;
}

/** better-auth's password reset tokens live in auth_verifications under this prefix (its /reset-password reads them). */
const RESET_TOKEN_PREFIX = 'reset-password:';

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

  /**
   * Whoever already signs in with this email (logins are unique across the installation): the
   * guardian it belongs to, if any, and the organizations it is staff of.
   */
  async findLoginByEmail(db: Database, email: string) {
    const [user] = await db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.email, email.toLowerCase()));
    if (!user) return undefined;
    const [guardian] = await db
      .select({ id: guardians.id, organizationId: guardians.organizationId, name: guardians.name })
      .from(guardians)
      .where(eq(guardians.userId, user.id));
    const memberships = await db.select({ organizationId: authMembers.organizationId }).from(authMembers).where(eq(authMembers.userId, user.id));
    return { userId: user.id, guardian: guardian ?? null, staffOf: memberships.map((m) => m.organizationId) };
  },

  /** A guardian's portal login as staff see it: when they were last invited and when the login last began a session. */
  async invitationStatus(db: Database, organizationId: string, guardianId: string) {
    const [row] = await db
      .select({ userId: guardians.userId, invitedAt: guardians.portalInvitedAt, loginEmail: authUsers.email, lastSignedInAt: max(authSessions.createdAt) })
      .from(guardians)
      .leftJoin(authUsers, eq(authUsers.id, guardians.userId))
      .leftJoin(authSessions, eq(authSessions.userId, guardians.userId))
      .where(and(eq(guardians.organizationId, organizationId), eq(guardians.id, guardianId)))
      .groupBy(guardians.userId, guardians.portalInvitedAt, authUsers.email);
    return row;
  },

  /** A new invitation to an existing login: the time it was sent, and the guardian's current name and email on the login. */
  async reinvite(db: Database, o: { organizationId: string; guardianId: string; userId: string; name: string; email: string }) {
    await db.update(authUsers).set({ name: o.name, email: o.email.toLowerCase(), updatedAt: new Date() }).where(eq(authUsers.id, o.userId));
    await db
      .update(guardians)
      .set({ portalInvitedAt: new Date() })
      .where(and(eq(guardians.organizationId, o.organizationId), eq(guardians.id, o.guardianId)));
  },

  /**
   * A link to choose a password: a better-auth password reset token for the login, valid until
   * the given time. Earlier unused links of the login stop working, so only the newest invitation counts.
   */
  async issueSetPasswordToken(db: Database, o: { userId: string; validUntil: Date }): Promise<string> {
    await db.delete(authVerifications).where(and(like(authVerifications.identifier, `${RESET_TOKEN_PREFIX}%`), eq(authVerifications.value, o.userId)));
    const token = randomBytes(24).toString('base64url');
    await db.insert(authVerifications).values({ id: randomUUID(), identifier: `${RESET_TOKEN_PREFIX}${token}`, value: o.userId, expiresAt: o.validUntil });
    return token;
  },
};
