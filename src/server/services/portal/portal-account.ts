import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import { optionalMessageKinds } from '../../../domain/notifications/message-facts.js';
import type { MessagePreferencesInput } from '../../../contracts/messages.js';
import type { PortalAccountDto, PortalContactInput } from '../../../contracts/portal.js';
import { setGuardianPreferences } from '../notifications/message-preferences.js';

/** The guardian signed in to the portal, as the audit names them. */
export interface PortalSignedIn {
  guardianId: string;
  userId: string;
}

const asAuditActor = (guardian: PortalSignedIn) => ({ userId: guardian.userId, role: 'guardian' as const });

/** The guardian's own contacts and email choices. */
export async function getPortalAccount(db: Database, organization: OrganizationContext, guardian: PortalSignedIn): Promise<PortalAccountDto> {
  const row = await guardianRepository.findById(db, organization.id, guardian.guardianId);
  if (!row) throw new AppError('NOT_FOUND', 'Your guardian details are no longer in the organization; ask them.');
  return {
    guardianId: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    mutedKinds: optionalMessageKinds.filter((kind) => row.mutedMessageKinds.includes(kind)),
  };
}

/** The guardian changes their own name and phone; the email is their sign-in, so only staff change it. */
export async function updatePortalContact(db: Database, organization: OrganizationContext, guardian: PortalSignedIn, input: PortalContactInput): Promise<PortalAccountDto> {
  await db.transaction(async (tx) => {
    const before = await guardianRepository.findByIdForUpdate(tx, organization.id, guardian.guardianId);
    if (!before) throw new AppError('NOT_FOUND', 'Your guardian details are no longer in the organization; ask them.');
    if (input.email !== undefined && input.email.trim().toLowerCase() !== (before.email ?? '').toLowerCase()) {
      throw new AppError('VALIDATION_FAILED', `Your email address is also how you sign in, so only ${organization.name} can change it; ask them. Nothing was changed.`, {
        fields: [{ field: 'body.email', message: 'is changed by staff only' }],
      });
    }
    await guardianRepository.update(tx, organization.id, guardian.guardianId, { name: input.name, phone: input.phone });
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor: asAuditActor(guardian),
      action: 'guardian.contact_changed_in_portal',
      entityType: 'guardian',
      entityId: guardian.guardianId,
      clientId: null,
      before: { name: before.name, phone: before.phone },
      after: { name: input.name, phone: input.phone },
    });
  });
  return getPortalAccount(db, organization, guardian);
}

/** The same choice staff set on the family page, made by the guardian. */
export async function setPortalMessagePreferences(db: Database, organization: OrganizationContext, guardian: PortalSignedIn, input: MessagePreferencesInput): Promise<PortalAccountDto> {
  await setGuardianPreferences(db, organization, asAuditActor(guardian), guardian.guardianId, input);
  return getPortalAccount(db, organization, guardian);
}
