import { asc, eq, inArray } from 'drizzle-orm';
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

  /** Staff names by user id, for who did what in a statement or a history. */
  async namesByUserIds(db: Database, userIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const rows = await db.select({ id: authUsers.id, name: authUsers.name }).from(authUsers).where(inArray(authUsers.id, ids));
    return new Map(rows.map((row) => [row.id, row.name]));
  },
};
