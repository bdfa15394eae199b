import type { Role } from '../../domain/access/permissions.js';
import { DEMO_ORGANIZATION_ID, DEMO_SECOND_ORGANIZATION_ID } from './demo-plan.js';
import { PATEL_FAMILY } from './demo-catalog.js';

/** Every demo login uses this password (README lists the logins). */
export const DEMO_PASSWORD = 'swim-demo-2026';

export const DEMO_STAFF: { organizationId: string; name: string; email: string; role: Role }[] = [
  { organizationId: DEMO_ORGANIZATION_ID, name: 'Olivia Brooks', email: 'owner@riverside-swim.example.com', role: 'owner' },
  { organizationId: DEMO_ORGANIZATION_ID, name: 'Marcus Hill', email: 'manager@riverside-swim.example.com', role: 'manager' },
  { organizationId: DEMO_ORGANIZATION_ID, name: 'Dana Flores', email: 'frontdesk@riverside-swim.example.com', role: 'front_desk' },
  // The instructor logs in with the email of the instructor record, so "own sessions" match.
  { organizationId: DEMO_ORGANIZATION_ID, name: 'Alex Moreno', email: 'alex.moreno@riverside-swim.example.com', role: 'instructor' },
  { organizationId: DEMO_SECOND_ORGANIZATION_ID, name: 'Harriet Shaw', email: 'owner@lakeside-gym.example.com', role: 'owner' },
];

/** Family-portal logins of the demo (DESIGN.md "The family portal"): Priya Patel, guardian of Maya (PATEL_FAMILY). */
export const DEMO_GUARDIAN_LOGINS: { organizationId: string; email: string }[] = [
  { organizationId: DEMO_ORGANIZATION_ID, email: PATEL_FAMILY.guardians[0].email },
];
