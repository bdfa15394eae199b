import { z } from 'zod';
import { idSchema } from './fields.js';
import { organizationDto } from './organization.js';

/** Who is signed in to the family portal: the guardian, their family and the organization that invited them. */
export const portalMeDto = z.object({
  guardian: z.object({ id: idSchema, name: z.string(), email: z.string().nullable() }),
  familyId: idSchema,
  organization: organizationDto,
});
export type PortalMeDto = z.infer<typeof portalMeDto>;
