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
