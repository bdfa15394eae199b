import { z } from 'zod';
import { idSchema, nameSchema, patchOf } from './fields.js';

export const createInstructorBody = z.object({
  name: nameSchema,
  email: z.email('must be an email address').nullable().default(null),
});
export const updateInstructorBody = patchOf(createInstructorBody);
export const instructorDto = z.object({ id: idSchema, name: z.string(), email: z.string().nullable() });
export type InstructorDto = z.infer<typeof instructorDto>;
