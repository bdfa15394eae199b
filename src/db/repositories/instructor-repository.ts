import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { instructors } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export const instructorRepository = {
  ...tenantTable(instructors, { orderBy: [instructors.name], nameColumn: instructors.name }),

  /** The instructor a staff login teaches as: matched by email, whatever its case (as rosters match them). */
  async findByEmail(db: Database, organizationId: string, email: string) {
    const [row] = await db
      .select()
      .from(instructors)
      .where(and(eq(instructors.organizationId, organizationId), sql`lower(${instructors.email}) = lower(${email})`))
      .orderBy(asc(instructors.name))
      .limit(1);
    return row;
  },
};
