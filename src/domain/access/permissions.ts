/**
 * Who may do what: one table, read by every route's declared permission and by the few
 * decisions that depend on a request's content (back-dating, capacity override, close now).
 */
export const roles = ['owner', 'manager', 'front_desk', 'instructor'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'schedule.read',
  'roster.read',
  'attendance.write',
  'clients.read',
  'clients.write',
  'catalog.write',
  'enrollment.write',
  'payments.write',
  'billing.adjust',
  'changes.backdate',
  'capacity.override',
  'transfers.undo',
  'staff.manage',
  'messages.manage',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Role[] = ['owner', 'manager', 'front_desk', 'instructor'];
const desk: Role[] = ['owner', 'manager', 'front_desk'];
const managers: Role[] = ['owner', 'manager'];

export const rolesByPermission: Record<Permission, readonly Role[]> = {
  'schedule.read': everyone,
  'roster.read': everyone,
  'attendance.write': everyone,
  'clients.read': desk,
  'clients.write': desk,
  'catalog.write': managers,
  'enrollment.write': desk,
  'payments.write': desk,
  'billing.adjust': managers,
  'changes.backdate': managers,
  'capacity.override': managers,
  'transfers.undo': managers,
  'staff.manage': ['owner'],
  'messages.manage': managers,
};

/** What each permission lets a person do, in words for refusal messages. */
export const permissionDescriptions: Record<Permission, string> = {
  'schedule.read': 'see the schedule',
  'roster.read': 'see rosters',
  'attendance.write': 'take attendance',
  'clients.read': 'see client profiles and invoices',
  'clients.write': 'add or change families and clients',
  'catalog.write': 'change services, sessions, locations or instructors',
  'enrollment.write': 'enroll, unenroll or transfer clients',
  'payments.write': 'take payments or add discounts',
  'billing.adjust': 'write off or void invoices',
  'changes.backdate': 'back-date an enrollment, an unenrollment or a transfer',
  'capacity.override': 'enroll beyond a session\'s capacity',
  'transfers.undo': 'undo a transfer',
  'staff.manage': 'manage staff accounts',
  'messages.manage': 'see the organization\'s outbox, send a failed message again or turn a kind of email off',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return rolesByPermission[permission].includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((permission) => can(role, permission));
}

/** Instructors see and mark only their own sessions' rosters. */
export function limitedToOwnSessions(role: Role): boolean {
  return role === 'instructor';
}
