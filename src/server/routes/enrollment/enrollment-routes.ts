import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { getClientProfile } from '../../services/clients/get-client-profile.js';
import { enrollClient, previewEnrollment } from '../../services/enrollment/enroll-client.js';
import { unenrollClient } from '../../services/enrollment/unenroll-client.js';
import { clientProfileDto } from '../../../contracts/client-profile.js';
import { idempotencyHeaders, idParamsSchema } from '../../../contracts/fields.js';
import { enrollBody, enrollPreviewBody, enrollPreviewDto, enrollResultDto, unenrollBody, unenrollResultDto } from '../../../contracts/enrollment.js';

export function registerEnrollmentRoutes(app: FastifyInstance, db: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  const enrollRefusals = ['NOT_A_SESSION_DATE', 'CAPACITY_FULL', 'ALREADY_ENROLLED', 'DISCOUNT_EXCEEDS_TOTAL'] as const;

  typed.post('/api/subscriptions/preview', {
    config: { access: 'enrollment.write', refuses: [...enrollRefusals] },
    schema: {
      operationId: 'previewEnrollment',
      tags: ['enrollment'],
      summary: "Preview an enrollment's checkout: the first invoice by plan with the chosen discounts (changes nothing)",
      body: enrollPreviewBody,
      response: { 200: enrollPreviewDto },
    },
    handler: async (request) => previewEnrollment(db, request.organization, request.actor, request.body),
  });

  typed.post('/api/subscriptions', {
    config: { access: 'enrollment.write', refuses: [...enrollRefusals, 'IDEMPOTENCY_KEY_REUSED'] },
    schema: {
      operationId: 'enrollClient',
      tags: ['enrollment'],
      summary: 'Enroll a client from a first session date with checkout (first invoice, discounts, pay now, pay later or close now), in one transaction',
      description: 'Requires an Idempotency-Key header: a retry with the same key and body returns the first result.',
      headers: idempotencyHeaders,
      body: enrollBody,
      response: { 201: enrollResultDto },
    },
    handler: async (request, reply) => {
      const result = await enrollClient(db, request.organization, request.actor, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.status as 201).send(result.body);
    },
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
    handler: async (request) => getClientProfile(db, request.organization, request.actor, request.params.id),
  });
}
