import { eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { faultPoint } from '../fault-injection.js';
import { authOrganizations, organizations } from '../schema/index.js';

export const organizationRepository = {
  async findById(db: Database, id: string) {
    const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
    return row;
  },

  /** The tenant and, under the same id, the organization staff accounts belong to. */
  async insert(db: Database, values: typeof organizations.$inferInsert) {
    faultPoint('organizations.insert');
    const [row] = await db.insert(organizations).values(values).returning();
    faultPoint('auth_organizations.insert');
    await db.insert(authOrganizations).values({ id: row!.id, name: row!.name, slug: row!.id });
    return row!;
  },

  async list(db: Database) {
    return db.select().from(organizations).orderBy(organizations.name);
  },
};
