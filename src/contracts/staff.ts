import { z } from 'zod';
import { roles } from '../domain/access/permissions.js';
import { nameSchema } from './fields.js';
import { passwordSchema } from './setup.js';

export const createStaffBody = z.object({
  name: nameSchema,
  email: z.email('must be an email address').max(254, 'must be at most 254 characters'),
  password: passwordSchema,
  role: z.enum(roles),
});
export type CreateStaffInput = z.output<typeof createStaffBody>;

export const staffMemberDto = z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.enum(roles) });
export type StaffMemberDto = z.infer<typeof staffMemberDto>;
