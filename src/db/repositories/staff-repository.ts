import { hashPassword } from 'better-auth/crypto';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../domain/access/permissions.js';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { authAccounts, authMembers, authUsers } from '../schema/index.js';

export interface NewStaffUser {
  organizationId: string;
  name: string;
  email: string;
  password: string;
  role: Role;
}

export const staffRepository = {
  /** A staff login: user, password account (hashed by better-auth) and membership with a role. */
  async create(db: Database, o: NewStaffUser) {
    faultPoint('auth_users.insert');
    const userId = randomUUID();
    const [user] = await db
      .insert(authUsers)
      .values({ id: userId, name: o.name, email: o.email.toLowerCase(), emailVerified: true })
      .returning();
    faultPoint('auth_accounts.insert');
    await db.insert(authAccounts).values({
      id: randomUUID(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: await hashPassword(o.password),
    });
    faultPoint('auth_members.insert');
    await db.insert(authMembers).values({ id: randomUUID(), organizationId: o.organizationId, userId, role: o.role });
    return { ...user!, role: o.role };
  },
};
