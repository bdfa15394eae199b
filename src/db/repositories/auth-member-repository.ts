import { asc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { authMembers, authUsers } from '../schema/index.js';

export const authMemberRepository = {
  async firstForUser(db: Database, userId: string) {
    const [row] = await db.select().from(authMembers).where(eq(authMembers.userId, userId)).orderBy(asc(authMembers.createdAt)).limit(1);
    return row;
  },

  async listWithUsers(db: Database, organizationId: string) {
    return db
      .select({ member: authMembers, user: authUsers })
      .from(authMembers)
      .innerJoin(authUsers, eq(authUsers.id, authMembers.userId))
      .where(eq(authMembers.organizationId, organizationId))
      .orderBy(asc(authUsers.name));
  },
};
