import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { idParamsSchema } from '../../../contracts/fields.js';
import { portalInvitationDto } from '../../../contracts/portal.js';
import { getPortalInvitation, inviteGuardianToPortal } from '../../services/portal/portal-invitation.js';

/** Staff invite a guardian to the family portal and see whether they came (DESIGN.md "The family portal"). */
export function registerPortalInvitationRoutes(app: FastifyInstance, db: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];

  typed.get('/api/guardians/:id/portal-invitation', {
    config: { access: 'clients.read' },
    schema: {
      operationId: 'getPortalInvitation',
      tags,
      summary: 'Whether a guardian was invited to the family portal, and has signed in',
      params: idParamsSchema,
      response: { 200: portalInvitationDto },
    },
    handler: async (request) => getPortalInvitation(db, request.organization, request.params.id),
  });

  typed.post('/api/guardians/:id/portal-invitation', {
    config: { access: 'clients.write', refuses: ['CONFLICT'] },
    schema: {
      operationId: 'inviteGuardianToPortal',
      tags,
      summary: 'Email a guardian a link to choose a password for the family portal; again for a new link',
      description:
        'Makes the guardian a portal login (or keeps theirs) and emails, through the outbox, a link valid for 7 days; an earlier link stops working. Refused when the guardian has no email or the email already signs in to another account.',
      params: idParamsSchema,
      response: { 200: portalInvitationDto },
    },
    // The email goes out at once: buildApp wakes the sender after every change that succeeded.
    handler: async (request) => inviteGuardianToPortal(db, request.organization, request.actor, request.params.id),
  });
}
