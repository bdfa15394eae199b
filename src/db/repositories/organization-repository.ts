import { eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { organizations } from '../schema/index.js';

export const organizationRepository = {
  async findById(db: Database, id: string) {
    const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
    return row;
  },
  async insert(db: Database, values: typeof organizations.$inferInsert) {
    const [row] = await db.insert(organizations).values(values).returning();
    return row!;
  },
  async list(db: Database) {
    return db.select().from(organizations).orderBy(organizations.name);
  },
};
