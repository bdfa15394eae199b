import { z } from 'zod';
import { permissions, roles } from '../domain/access/permissions.js';
import { idSchema } from './fields.js';

/** The organization a staff member acts for: its time zone, currency and locale shape every screen. */
export const organizationDto = z.object({
  id: idSchema,
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  locale: z.string(),
});
export type OrganizationDto = z.infer<typeof organizationDto>;

/** Who is logged in, their role and what it allows, and the organization they act for. */
export const meDto = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  role: z.enum(roles),
  permissions: z.array(z.enum(permissions)),
  organization: organizationDto,
});
export type MeDto = z.infer<typeof meDto>;
