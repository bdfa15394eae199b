import { and, asc, eq } from 'drizzle-orm';
import { anyOf } from './window.js';
import type { Database } from '../client.js';
import { guardians, organizations } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export const guardianRepository = {
  ...tenantTable(guardians, { orderBy: [guardians.name], filterColumns: { familyId: guardians.familyId } }),
  async listForFamilies(db: Database, organizationId: string, familyIds: readonly string[]) {
    if (familyIds.length === 0) return [];
    return db
      .select()
      .from(guardians)
      .where(and(eq(guardians.organizationId, organizationId), anyOf(guardians.familyId, familyIds)))
      .orderBy(asc(guardians.name));
  },

  /** The guardian a family-portal login belongs to, with their organization; undefined for any other login. */
  async findPortalGuardian(db: Database, userId: string) {
    const [row] = await db
      .select({ guardianId: guardians.id, familyId: guardians.familyId, name: guardians.name, email: guardians.email, organization: organizations })
      .from(guardians)
      .innerJoin(organizations, eq(organizations.id, guardians.organizationId))
      .where(eq(guardians.userId, userId));
    return row;
  },
};
