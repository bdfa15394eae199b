import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { portalLoginRepository } from '../../../db/repositories/portal-login-repository.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import { portalInvitationLetter } from '../../../domain/notifications/messages.js';
import type { PortalInvitationDto } from '../../../contracts/portal.js';
import { portalWelcomePageUrl } from '../notifications/message-links.js';
import { tell } from '../notifications/tell.js';

/** How long an invitation's link works: a family may open it on the weekend after. */
export const PORTAL_INVITATION_VALID_DAYS = 7;

type Guardian = NonNullable<Awaited<ReturnType<typeof guardianRepository.findById>>>;

const guardianNotFound = () => new AppError('NOT_FOUND', 'No guardian has this id in your organization.');

/** Whether the guardian was invited to the family portal and has signed in since. */
export async function getPortalInvitation(db: Database, organization: OrganizationContext, guardianId: string): Promise<PortalInvitationDto> {
  const status = await portalLoginRepository.invitationStatus(db, organization.id, guardianId);
  if (!status) throw guardianNotFound();
  const lastSignedInAt = status.lastSignedInAt ? new Date(status.lastSignedInAt) : null;
  return {
    guardianId,
    status: !status.userId ? 'not_invited' : lastSignedInAt ? 'signed_in' : 'invited',
    invitedAt: status.invitedAt?.toISOString() ?? null,
    lastSignedInAt: lastSignedInAt?.toISOString() ?? null,
  };
}

/**
 * DESIGN.md "The family portal": staff invite a guardian. The guardian gets a portal login
 * (or keeps theirs) and an email, through the outbox, with a link to choose a password; a
 * new invitation replaces the link of an earlier one. One transaction: login, link, email, audit.
 */
export async function inviteGuardianToPortal(db: Database, organization: OrganizationContext, actor: Actor, guardianId: string): Promise<PortalInvitationDto> {
  await db.transaction(async (tx) => {
    const guardian = await guardianRepository.findByIdForUpdate(tx, organization.id, guardianId);
    if (!guardian) throw guardianNotFound();
    const email = requireEmail(guardian);
    const { userId, again } = await loginFor(tx, organization, guardian, email);
    const token = await portalLoginRepository.issueSetPasswordToken(tx, { userId, validUntil: new Date(Date.now() + PORTAL_INVITATION_VALID_DAYS * 86_400_000) });
    await sendInvitation(tx, organization, guardian, email, token);
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: again ? 'guardian.portal_reinvited' : 'guardian.portal_invited',
      entityType: 'guardian',
      entityId: guardian.id,
      clientId: null,
      after: { email, userId },
    });
  });
  return getPortalInvitation(db, organization, guardianId);
}

function requireEmail(guardian: Guardian): string {
  const email = guardian.email?.trim();
  if (!email) {
    throw new AppError('VALIDATION_FAILED', `${guardian.name} has no email address; add one to their details first, then invite them.`, {
      fields: [{ field: 'email', message: 'is needed for an invitation' }],
    });
  }
  return email;
}

/** The guardian's own login (made now, or the one they have, with their current name and email); an email someone else signs in with is refused. */
async function loginFor(tx: Database, organization: OrganizationContext, guardian: Guardian, email: string): Promise<{ userId: string; again: boolean }> {
  const existing = await portalLoginRepository.findLoginByEmail(tx, email);
  if (existing && existing.userId !== guardian.userId) throw emailTaken(organization, guardian, existing);
  if (!guardian.userId) {
    const user = await portalLoginRepository.create(tx, { organizationId: organization.id, guardianId: guardian.id, name: guardian.name, email });
    return { userId: user.id, again: false };
  }
  await portalLoginRepository.reinvite(tx, { organizationId: organization.id, guardianId: guardian.id, userId: guardian.userId, name: guardian.name, email });
  return { userId: guardian.userId, again: true };
}

/** Says whose login it is only when it is the organization's own (another guardian, a staff member); anything else stays unnamed. */
function emailTaken(
  organization: OrganizationContext,
  guardian: Guardian,
  existing: NonNullable<Awaited<ReturnType<typeof portalLoginRepository.findLoginByEmail>>>,
): AppError {
  const fields = [{ field: 'email', message: 'already signs in to another account' }];
  const whose =
    existing.guardian?.organizationId === organization.id
      ? `the family portal login of ${existing.guardian.name}, another guardian`
      : existing.staffOf.includes(organization.id)
        ? 'a staff login of your organization'
        : 'another account';
  return new AppError('CONFLICT', `${guardian.email} is already ${whose}, so ${guardian.name} cannot sign in with it; give ${guardian.name} their own email address, then invite them.`, {
    fields,
  });
}

async function sendInvitation(tx: Database, organization: OrganizationContext, guardian: Guardian, email: string, token: string) {
  const recipient = { kind: 'guardian' as const, id: guardian.id, name: guardian.name, email, mutedKinds: [] };
  await tell(tx, organization, [
    {
      topic: 'portal_invitation',
      about: { type: 'guardian', id: guardian.id },
      familyId: guardian.familyId,
      recipients: [recipient],
      letterFor: () =>
        portalInvitationLetter(
          { organizationName: organization.name, money: { currency: organization.currency, locale: organization.locale } },
          { name: guardian.name, email, welcomeUrl: portalWelcomePageUrl(token, email), validDays: PORTAL_INVITATION_VALID_DAYS },
        ),
    },
  ]);
}
