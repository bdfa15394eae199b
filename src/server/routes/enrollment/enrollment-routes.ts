import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { getClientProfile } from '../../services/clients/get-client-profile.js';
import { enrollClient } from '../../services/enrollment/enroll-client.js';
import { unenrollClient } from '../../services/enrollment/unenroll-client.js';
import { clientProfileDto } from '../../../contracts/client-profile.js';
import { idParamsSchema } from '../../../contracts/fields.js';
import { enrollBody, subscriptionDto, unenrollBody, unenrollResultDto } from '../../../contracts/enrollment.js';

export function registerEnrollmentRoutes(app: FastifyInstance, db: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post('/api/subscriptions', {
    config: { access: 'enrollment.write', refuses: ['NOT_A_SESSION_DATE', 'CAPACITY_FULL', 'ALREADY_ENROLLED'] },
    schema: {
      operationId: 'enrollClient',
      tags: ['enrollment'],
      summary: 'Enroll a client in a session from a first session date (holds a seat on every date)',
      body: enrollBody,
      response: { 201: subscriptionDto },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await enrollClient(db, request.organization, request.actor, request.body)),
  });

  typed.post('/api/subscriptions/:id/unenroll', {
    config: { access: 'enrollment.write', refuses: ['SUBSCRIPTION_ENDED', 'END_DATE_LATER', 'NOT_ENROLLED_ON_DATE', 'ENDED_BY_TRANSFER', 'ATTENDANCE_RECORDED'] },
    schema: {
      operationId: 'unenrollClient',
      tags: ['enrollment'],
      summary: 'Unenroll a client from a session date on (ends the subscription)',
      params: idParamsSchema,
      body: unenrollBody,
      response: { 200: unenrollResultDto },
    },
    handler: async (request) => unenrollClient(db, request.organization, request.actor, request.params.id, request.body),
  });

  typed.get('/api/clients/:id/profile', {
    config: { access: 'clients.read' },
    schema: {
      operationId: 'getClientProfile',
      tags: ['clients'],
      summary: "A client's profile: family, guardians, subscriptions, invoices, balance and history",
      params: idParamsSchema,
      response: { 200: clientProfileDto },
    },
    handler: async (request) => getClientProfile(db, request.organization, request.params.id),
  });
}
