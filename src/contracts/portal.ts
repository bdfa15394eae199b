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

/** A guardian's family-portal invitation as staff see it on the family page. */
export const portalInvitationDto = z.object({
  guardianId: idSchema,
  status: z.enum(['not_invited', 'invited', 'signed_in']).describe('signed_in once the guardian has signed in to the portal at least once (as far as sessions remember)'),
  invitedAt: z.string().nullable().describe('When staff last sent an invitation'),
  lastSignedInAt: z.string().nullable(),
});
export type PortalInvitationDto = z.infer<typeof portalInvitationDto>;
