import { and, eq } from 'drizzle-orm';
import { anyOf } from './window.js';
import type { Database } from '../client.js';
import { instructors } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export const instructorRepository = {
  ...tenantTable(instructors, { orderBy: [instructors.name] }),

  /** Names by id, for several instructors in one query. */
  async namesByIds(db: Database, organizationId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: instructors.id, name: instructors.name })
      .from(instructors)
      .where(and(eq(instructors.organizationId, organizationId), anyOf(instructors.id, ids)));
    return new Map(rows.map((row) => [row.id, row.name]));
  },
};
