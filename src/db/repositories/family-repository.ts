import { and, eq, sql, type SQL } from 'drizzle-orm';
import { families, guardians } from '../schema/index.js';
import { guardianMatching } from './search-repository.js';
import { matchingWords, tenantTable } from './tenant-table.js';

/**
 * A family named with every word of the search, or with a guardian found by name, phone or email as
 * the header search finds them: a union of two index lookups (families' and guardians' trigram
 * indexes, migration 0007), not an OR over the families table, which would read every family.
 */
export const familyMatching = (organizationId: string, search: string): SQL => sql`${families.id} in (
  select ${families.id} from ${families} where ${and(eq(families.organizationId, organizationId), ...matchingWords([families.name], search))}
  union
  select ${guardians.familyId} from ${guardians} where ${and(eq(guardians.organizationId, organizationId), guardianMatching(search))}
)`;

/**
 * Families by name; the list's search finds a family by its name or by one of its guardians'
 * names, phones or emails (familyMatching).
 */
export const familyRepository = tenantTable(families, {
  orderBy: [families.name],
  searchMatch: familyMatching,
});
