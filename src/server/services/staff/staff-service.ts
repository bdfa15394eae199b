import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { authMemberRepository } from '../../../db/repositories/auth-member-repository.js';
import { staffRepository } from '../../../db/repositories/staff-repository.js';
import { isRole } from '../../../domain/access/permissions.js';
import { AppError } from '../../../domain/errors.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { CreateStaffInput, StaffMemberDto } from '../../../contracts/staff.js';
import { tellStaffInvitation } from '../notifications/tell-staff.js';

export async function listStaff(db: Database, organization: OrganizationContext): Promise<StaffMemberDto[]> {
  const rows = await authMemberRepository.listWithUsers(db, organization.id);
  return rows.flatMap(({ member, user }) =>
    isRole(member.role) ? [{ userId: user.id, name: user.name, email: user.email, role: member.role }] : [],
  );
}

/** Whether the database refused a second login with the same email (the unique index of auth_users). */
function isEmailTaken(error: unknown): boolean {
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === '23505') return constraint === undefined || String(constraint).includes('email');
  }
  return false;
}

/**
 * The owner adds a staff login with a role; the password is hashed by better-auth; the new
 * member is emailed where to sign in. An email
 * that already has a login (here or in any other organization) is refused without saying whose.
 */
export async function addStaffMember(db: Database, organization: OrganizationContext, actor: Actor, input: CreateStaffInput): Promise<StaffMemberDto> {
  try {
    return await addInTransaction(db, organization, actor, input);
  } catch (error) {
    if (isEmailTaken(error)) {
      throw new AppError('CONFLICT', 'This email already has a login, so it cannot be added again; use another email address.', {
        fields: [{ field: 'body.email', message: 'already has a login' }],
      });
    }
    throw error;
  }
}

async function addInTransaction(db: Database, organization: OrganizationContext, actor: Actor, input: CreateStaffInput): Promise<StaffMemberDto> {
  return db.transaction(async (tx) => {
    const user = await staffRepository.create(tx, { organizationId: organization.id, ...input });
    const dto = { userId: user.id, name: user.name, email: user.email, role: input.role };
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: 'staff.added',
      entityType: 'user',
      entityId: user.id,
      after: dto,
    });
    await tellStaffInvitation(tx, organization.id, { userId: user.id, name: user.name, email: user.email, role: input.role });
    return dto;
  });
}
