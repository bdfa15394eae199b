import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { organizationDto } from '../../../contracts/organization.js';
import { portalMeDto } from '../../../contracts/portal.js';

/** The guardian signed in to the family portal; a staff login gets 403 here, a guardian's gets 403 on every staff route. */
export function registerPortalMeRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/portal/me', {
    config: { access: 'guardian' },
    schema: { operationId: 'getPortalGuardian', tags: ['portal'], summary: 'The guardian signed in to the family portal, their family and organization', response: { 200: portalMeDto } },
    handler: async (request) => ({
      guardian: { id: request.guardian.guardianId, name: request.guardian.name, email: request.guardian.email },
      familyId: request.guardian.familyId,
      organization: organizationDto.parse(request.organization),
    }),
  });
}
