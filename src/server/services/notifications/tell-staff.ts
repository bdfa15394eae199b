import type { Database } from '../../../db/client.js';
import { authMemberRepository } from '../../../db/repositories/auth-member-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import type { Role } from '../../../domain/access/permissions.js';
import { passwordResetLetter, staffInvitationLetter } from '../../../domain/notifications/messages.js';
import { todayIn } from '../../../domain/time/today.js';
import { signInPageUrl } from './message-links.js';
import { tell } from './tell.js';

const roleNames: Record<Role, string> = { owner: 'owner', manager: 'manager', front_desk: 'front desk', instructor: 'instructor' };

async function organizationOf(db: Database, userId: string) {
  const membership = await authMemberRepository.firstForUser(db, userId);
  if (!membership) return null;
  const organization = await organizationRepository.findById(db, membership.organizationId);
  return organization ? { ...organization, today: todayIn(organization.timeZone) } : null;
}

/**
 * better-auth's password reset goes through the outbox like every email (sent within seconds
 * when SMTP is set up). A user of no organization gets nothing: there is nobody to send as.
 */
export async function tellPasswordReset(db: Database, o: { userId: string; name: string; email: string; resetUrl: string; validMinutes: number }) {
  const organization = await organizationOf(db, o.userId);
  if (!organization) return;
  const recipient = { kind: 'staff' as const, id: o.userId, name: o.name, email: o.email, mutedKinds: [] };
  await db.transaction((tx) =>
    tell(tx, organization, [
      {
        topic: 'password_reset',
        about: { type: 'user', id: o.userId },
        familyId: null,
        recipients: [recipient],
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
