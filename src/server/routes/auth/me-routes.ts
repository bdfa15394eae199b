import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { meDto, organizationDto } from '../../../contracts/organization.js';
import { permissionsOf } from '../../../domain/access/permissions.js';

/** Who is logged in, their role and what it allows, and the organization they act for. */
export function registerMeRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/me', {
    config: { access: 'authenticated' },
    schema: { operationId: 'getCurrentStaffMember', tags: ['auth'], summary: 'The logged-in staff member, role, permissions and organization', response: { 200: meDto } },
    handler: async (request) => ({
      user: { id: request.actor.userId, name: request.actor.name ?? '', email: request.actor.email ?? '' },
      role: request.actor.role,
      permissions: permissionsOf(request.actor.role),
      organization: organizationDto.parse(request.organization),
    }),
  });
}
