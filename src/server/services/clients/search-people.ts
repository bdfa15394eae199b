import type { Database } from '../../../db/client.js';
import { clientRepository } from '../../../db/repositories/client-repository.js';
import { searchRepository } from '../../../db/repositories/search-repository.js';
import type { SearchResultDto } from '../../../contracts/families.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';

const PER_KIND = 8;

/**
 * The header search: whoever the front desk has in mind — a child, a parent by name, phone
 * or email, a family — with each guardian's and family's children, so the right profile is one
 * click away.
 */
export async function searchPeople(db: Database, organization: OrganizationContext, query: string): Promise<SearchResultDto> {
  const [clients, guardians, families] = await Promise.all([
    searchRepository.clientsMatching(db, organization.id, query, PER_KIND),
    searchRepository.guardiansMatching(db, organization.id, query, PER_KIND),
    searchRepository.familiesMatching(db, organization.id, query, PER_KIND),
  ]);
  const familyIds = [...new Set([...guardians.map((g) => g.familyId), ...families.map((f) => f.id)])];
  const children = await clientRepository.listForFamilies(db, organization.id, familyIds);
  const childrenOf = (familyId: string) =>
    children.filter((c) => c.familyId === familyId).map(({ id, firstName, lastName }) => ({ id, firstName, lastName }));
  return {
    clients,
    guardians: guardians.map((g) => ({ ...g, children: childrenOf(g.familyId) })),
    families: families.map((f) => ({ ...f, children: childrenOf(f.id) })),
  };
}
