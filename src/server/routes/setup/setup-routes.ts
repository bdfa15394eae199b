import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { setupBody, setupDoneDto, setupStatusDto } from '../../../contracts/setup.js';
import { setUpOrganization, setupStatus } from '../../services/setup/set-up-organization.js';

/**
 * The first run, before anyone can sign in: whether it is still to come, and doing it. Open to
 * anyone, because nobody has an account yet; refused for good once an organization exists.
 */
export function registerSetupRoutes(app: FastifyInstance, db: Database, onSetUp: () => void) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/setup', {
    // Any request can be refused for a broken address (400); nothing else refuses this one.
    config: { refuses: ['VALIDATION_FAILED'] },
    schema: {
      security: [],
      operationId: 'getSetupStatus',
      tags: ['setup'],
      summary: 'Whether the first run (creating the organization) is still to come',
      response: { 200: setupStatusDto },
    },
    handler: async () => setupStatus(db),
  });
  typed.post('/api/setup', {
    config: { refuses: ['CONFLICT'] },
    schema: {
      security: [],
      operationId: 'setUpOrganization',
      tags: ['setup'],
      summary: 'The first run: create the organization and its owner (refused once any organization exists)',
      body: setupBody,
      response: { 201: setupDoneDto },
    },
    handler: async (request, reply) => {
      const done = await setUpOrganization(db, request.body);
      onSetUp();
      return reply.status(201).send(done);
    },
  });
}
