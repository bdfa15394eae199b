import type { Temporal } from 'temporal-polyfill';
import { AppError } from '../errors.js';
import { can, permissionDescriptions, type Permission, type Role } from './permissions.js';

/** The organization a request acts for, with how it writes dates and money, and its date when the request acts. */
export interface OrganizationContext {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  locale: string;
  /** The organization's local date at the moment of the action: the line between the past and the future. */
  today: Temporal.PlainDate;
}

/** Who acts: the logged-in staff member and their role in the organization. */
export interface Actor {
  userId: string;
  role: Role;
  email?: string;
  name?: string;
}

const roleNames: Record<Role, string> = { owner: 'an owner', manager: 'a manager', front_desk: 'front desk staff', instructor: 'an instructor' };

export function forbidden(role: Role, what: string): AppError {
  return new AppError('FORBIDDEN', `As ${roleNames[role]} you cannot ${what}; ask a manager or the owner.`);
}

/** Throws unless the actor's role has the permission; for decisions that depend on the request's content. */
export function requirePermission(actor: { role: Role }, permission: Permission) {
  if (!can(actor.role, permission)) throw forbidden(actor.role, permissionDescriptions[permission]);
}

/**
 * Who acts when the organization's own rules approve a guardian's transfer request: no login,
 * and no more than the front desk may do (Pay Later, no back-dating, no capacity override).
 */
export const organizationRules: Actor = { userId: 'organization-rules', role: 'front_desk', name: "The organization's rules" };

/** The actor as records store it: the organization's rules have no login, so no user id, and say so in the audit. */
export function recordedActor(actor: Actor): { userId: string | null; role: string } {
  return actor === organizationRules ? { userId: null, role: 'organization_rules' } : { userId: actor.userId, role: actor.role };
}
