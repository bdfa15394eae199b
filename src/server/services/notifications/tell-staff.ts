import type { Database } from '../../../db/client.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { authMemberRepository } from '../../../db/repositories/auth-member-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import type { Role } from '../../../domain/access/permissions.js';
import { passwordResetLetter, staffInvitationLetter } from '../../../domain/notifications/messages.js';
import { todayIn } from '../../../domain/time/today.js';
import { signInPageUrl } from './message-links.js';
import { tell } from './tell.js';

const roleNames: Record<Role, string> = { owner: 'owner', manager: 'manager', front_desk: 'front desk', instructor: 'instructor' };

/** Who a login's email goes to: a staff member of their organization, or a family-portal guardian (listed on their family's page). */
async function recipientOf(db: Database, o: { userId: string; name: string; email: string }) {
  const membership = await authMemberRepository.firstForUser(db, o.userId);
  if (membership) {
    const organization = await organizationRepository.findById(db, membership.organizationId);
    const recipient = { kind: 'staff' as const, id: o.userId, name: o.name, email: o.email, mutedKinds: [] };
    return organization ? { organization, recipient, familyId: null } : null;
  }
  const guardian = await guardianRepository.findPortalGuardian(db, o.userId);
  if (!guardian) return null;
  const recipient = { kind: 'guardian' as const, id: guardian.guardianId, name: guardian.name, email: o.email, mutedKinds: [] };
  return { organization: guardian.organization, recipient, familyId: guardian.familyId };
}

/**
 * better-auth's password reset goes through the outbox like every email (sent within seconds
 * when SMTP is set up), for staff and family-portal guardians alike. A login of no
 * organization gets nothing: there is nobody to send as.
 */
export async function tellPasswordReset(db: Database, o: { userId: string; name: string; email: string; resetUrl: string; validMinutes: number }) {
  const found = await recipientOf(db, o);
  if (!found) return;
  const organization = { ...found.organization, today: todayIn(found.organization.timeZone) };
  await db.transaction((tx) =>
    tell(tx, organization, [
      {
        topic: 'password_reset',
        about: { type: 'user', id: o.userId },
        familyId: found.familyId,
        recipients: [found.recipient],
        letterFor: () =>
          passwordResetLetter({ organizationName: organization.name, money: { currency: organization.currency, locale: organization.locale } }, o),
      },
    ]),
  );
}

/** A staff account was made: its owner hears where to sign in, in the transaction that made it. */
export async function tellStaffInvitation(tx: Database, organizationId: string, o: { userId: string; name: string; email: string; role: Role }) {
  const organization = (await organizationRepository.findById(tx, organizationId))!;
  const recipient = { kind: 'staff' as const, id: o.userId, name: o.name, email: o.email, mutedKinds: [] };
  await tell(tx, { ...organization, today: todayIn(organization.timeZone) }, [
    {
      topic: 'staff_invitation',
      about: { type: 'user', id: o.userId },
      familyId: null,
      recipients: [recipient],
      letterFor: () =>
        staffInvitationLetter(
          { organizationName: organization.name, money: { currency: organization.currency, locale: organization.locale } },
          { name: o.name, email: o.email, roleName: roleNames[o.role], signInUrl: signInPageUrl() },
        ),
    },
  ]);
}
