import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import { clients, families, guardians } from '../schema/index.js';
import { containing, matchingWords } from './tenant-table.js';

/**
 * A guardian whose name has every word, or whose email holds the query, or whose phone holds its
 * digits (3 or more, when the query has no letters); each condition is one of the guardians' trigram indexes (migration 0007).
 */
export function guardianMatching(query: string): SQL | undefined {
  // Only a query without letters is a phone number: "Quist 198" is a name, not a phone holding 198.
  const digits = /\p{L}/u.test(query) ? '' : query.replace(/\D/g, '');
  return or(
    and(...matchingWords([guardians.name], query)),
    sql`search_text(coalesce(${guardians.email}, '')) like search_text(${containing(query.trim())})`,
    digits.length >= 3 ? sql`search_digits(coalesce(${guardians.phone}, '')) like ${containing(digits)}` : undefined,
  );
}

/**
 * The header search: clients by name, guardians by name, email or phone, families by name; case-
 * and accent-insensitive, every word must match. Each answered from its trigram index
 * (migration 0007). At most `limit` of each kind.
 */
export const searchRepository = {
  async clientsMatching(db: Database, organizationId: string, query: string, limit: number) {
    return db
      .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, familyId: clients.familyId, familyName: families.name })
      .from(clients)
      .innerJoin(families, and(eq(families.organizationId, clients.organizationId), eq(families.id, clients.familyId)))
      .where(and(eq(clients.organizationId, organizationId), ...matchingWords([sql`${clients.firstName} || ' ' || ${clients.lastName}`], query)))
      .orderBy(asc(clients.lastName), asc(clients.firstName), asc(clients.id))
      .limit(limit);
  },

  /** Guardians by name, email or phone (guardianMatching). */
  async guardiansMatching(db: Database, organizationId: string, query: string, limit: number) {
    return db
      .select({
        id: guardians.id,
        name: guardians.name,
        email: guardians.email,
        phone: guardians.phone,
        familyId: guardians.familyId,
        familyName: families.name,
      })
      .from(guardians)
      .innerJoin(families, and(eq(families.organizationId, guardians.organizationId), eq(families.id, guardians.familyId)))
      .where(and(eq(guardians.organizationId, organizationId), guardianMatching(query)))
      .orderBy(asc(guardians.name), asc(guardians.id))
      .limit(limit);
  },

  async familiesMatching(db: Database, organizationId: string, query: string, limit: number) {
    return db
      .select({ id: families.id, name: families.name })
      .from(families)
      .where(and(eq(families.organizationId, organizationId), ...matchingWords([families.name], query)))
      .orderBy(asc(families.name), asc(families.id))
      .limit(limit);
  },
};
