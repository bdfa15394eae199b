import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { organizationDto } from '../../../contracts/organization.js';

/** The organization the request acts for: its time zone and currency shape every screen. */
export function registerOrganizationRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/organization', {
    config: { access: 'authenticated' },
    schema: { operationId: 'getOrganization', tags: ['organization'], summary: 'The current organization', response: { 200: organizationDto } },
    handler: async (request) => organizationDto.parse(request.organization),
  });
}
