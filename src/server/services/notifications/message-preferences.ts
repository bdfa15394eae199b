import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { messageRepository } from '../../../db/repositories/message-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import { messageKindNames, optionalMessageKinds, type OptionalMessageKind } from '../../../domain/notifications/message-facts.js';
import type { MessagePreferencesDto, MessagePreferencesInput } from '../../../contracts/messages.js';

const guardianNotFound = () => new AppError('NOT_FOUND', 'No guardian has this id in your organization.');
const asKinds = (kinds: readonly string[]) => optionalMessageKinds.filter((k) => kinds.includes(k));

/** The kinds of email a guardian turned off. */
export async function getGuardianPreferences(db: Database, organization: OrganizationContext, guardianId: string): Promise<MessagePreferencesDto> {
  const guardian = await guardianRepository.findById(db, organization.id, guardianId);
  if (!guardian) throw guardianNotFound();
  return { mutedKinds: asKinds(guardian.mutedMessageKinds) };
}

/**
 * A guardian's choice (staff set it on the family's behalf, the unsubscribe link sets one
 * kind): what is turned off applies to messages still waiting as well.
 */
export async function setGuardianPreferences(
  db: Database,
  organization: OrganizationContext,
  actor: Actor | { userId: string; role: 'guardian' } | null,
  guardianId: string,
  input: MessagePreferencesInput,
): Promise<MessagePreferencesDto> {
  return db.transaction(async (tx) => {
    const guardian = await guardianRepository.findByIdForUpdate(tx, organization.id, guardianId);
    if (!guardian) throw guardianNotFound();
    const mutedKinds = asKinds(input.mutedKinds);
    await guardianRepository.update(tx, organization.id, guardianId, { mutedMessageKinds: mutedKinds });
    await withholdWaiting(tx, organization.id, { recipientId: guardianId, kinds: mutedKinds, who: `${guardian.name} turned off` });
    await auditRepository.record(tx, {
      organizationId: organization.id,
      // Null when the guardian used the link in an email: nobody on the staff did it; the guardian's login in the portal.
      actor: actor ?? { userId: null, role: null },
      action: 'guardian.message_preferences_changed',
      entityType: 'guardian',
      entityId: guardianId,
      clientId: null,
      before: { mutedKinds: guardian.mutedMessageKinds },
      after: { mutedKinds },
    });
    return { mutedKinds };
  });
}

export async function getOrganizationMessageSettings(db: Database, organization: OrganizationContext): Promise<MessagePreferencesDto> {
  return { mutedKinds: asKinds((await organizationRepository.messageSettings(db, organization.id)).mutedMessageKinds) };
}

/** The organization turns a kind off for everyone (a school that sends its own invoices, say). */
export async function setOrganizationMessageSettings(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  input: MessagePreferencesInput,
): Promise<MessagePreferencesDto> {
  return db.transaction(async (tx) => {
    const before = await organizationRepository.messageSettings(tx, organization.id);
    const mutedKinds = asKinds(input.mutedKinds);
    await organizationRepository.updateMessageSettings(tx, organization.id, { mutedMessageKinds: mutedKinds });
    await withholdWaiting(tx, organization.id, { recipientId: null, kinds: mutedKinds, who: 'The organization turned off' });
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: 'organization.message_settings_changed',
      entityType: 'organization',
      entityId: organization.id,
      clientId: null,
      before: { mutedKinds: before.mutedMessageKinds },
      after: { mutedKinds },
    });
    return { mutedKinds };
  });
}

async function withholdWaiting(tx: Database, organizationId: string, o: { recipientId: string | null; kinds: readonly OptionalMessageKind[]; who: string }) {
  for (const kind of o.kinds) {
    await messageRepository.withholdWaiting(tx, { organizationId, recipientId: o.recipientId, kind, note: `${o.who} ${messageKindNames[kind]} emails.` });
  }
}
