import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { authMembers, authSessions, authUsers, organizations } from '../schema/index.js';

export const authSessionRepository = {
  /**
   * A login session by its token, with its user, and the member's role and organization
   * when the session's active organization is one the user belongs to: what every API
   * request needs before its own work, in one query.
   */
  async findWithMembership(db: Database, token: string) {
    const [row] = await db
      .select({
        expiresAt: authSessions.expiresAt,
        userId: authUsers.id,
        email: authUsers.email,
        name: authUsers.name,
        role: authMembers.role,
        organization: organizations,
      })
      .from(authSessions)
      .innerJoin(authUsers, eq(authUsers.id, authSessions.userId))
      .leftJoin(authMembers, sql`${authMembers.organizationId} = ${authSessions.activeOrganizationId} and ${authMembers.userId} = ${authSessions.userId}`)
      // Member organization ids are our organizations' ids (see schema/auth.ts).
      .leftJoin(organizations, sql`${organizations.id} = ${authMembers.organizationId}::uuid`)
      .where(eq(authSessions.token, token));
    return row;
  },
};
