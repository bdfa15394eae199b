import type { Database } from '../../../db/client.js';
import type { RegisteredFamilyDto, RegisterFamilyInput } from '../../../contracts/families.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { clientService, familyService, guardianService } from '../catalog/catalog-services.js';

/**
 * A new family with its guardians and children, in one transaction: the front desk's one form,
 * so a refused phone number leaves no family without parents behind. Each record is audited as
 * its own creation would be.
 */
export async function registerFamily(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: RegisterFamilyInput,
): Promise<RegisteredFamilyDto> {
  return db.transaction(async (tx) => {
    const family = await familyService.create(tx, organization, actor, { name: input.name });
    const guardians = [];
    for (const guardian of input.guardians) guardians.push(await guardianService.create(tx, organization, actor, { ...guardian, familyId: family.id }));
    const children = [];
    for (const child of input.children) children.push(await clientService.create(tx, organization, actor, { ...child, familyId: family.id }));
    return { family, guardians, children };
  });
}
