import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import type { AppErrorCode } from '../../../domain/errors.js';
import { listTransferTargets } from '../../services/transfers/list-transfer-targets.js';
import { previewTransfer } from '../../services/transfers/preview-transfer.js';
import { transferClient } from '../../services/transfers/transfer-client.js';
import { undoTransfer } from '../../services/transfers/undo-transfer.js';
import { idempotencyHeaders, idParamsSchema } from '../../../contracts/fields.js';
import {
  previewTransferBody,
  transferBody,
  transferPreviewDto,
  transferResultDto,
  transferTargetsDto,
  transferTargetsQuery,
  undoTransferResultDto,
} from '../../../contracts/transfers.js';

/** What planning a transfer can refuse (plan-from-database.ts, domain/transfers/plan-transfer.ts, the discounts). */
const planRefusals: AppErrorCode[] = [
  'NOT_FOUND',
  'SAME_SESSION',
  'NOT_ENROLLED_ON_DATE',
  'INVALID_END_DATE',
  'NOT_A_SESSION_DATE',
  'ALREADY_ENROLLED',
  'CAPACITY_FULL',
  'DISCOUNT_EXCEEDS_TOTAL',
  'ENDED_BY_TRANSFER',
  'ATTENDANCE_RECORDED',
  'INVALID_DATE_RANGE',
];

export function registerTransferRoutes(app: FastifyInstance, db: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['transfers'];

  typed.get('/api/subscriptions/:id/transfer-targets', {
    config: { access: 'enrollment.write', refuses: ['NOT_ENROLLED_ON_DATE', 'ENDED_BY_TRANSFER', 'ATTENDANCE_RECORDED'] },
    schema: {
      operationId: 'listTransferTargets',
      tags,
      summary: 'Sessions a client can be transferred to from a date, with time, instructor, free seats and next dates',
      params: idParamsSchema,
      querystring: transferTargetsQuery,
      response: { 200: transferTargetsDto },
    },
    handler: async (request) => listTransferTargets(db, request.organization, request.actor, request.params.id, request.query.date),
  });

  typed.post('/api/transfers/preview', {
    config: { access: 'enrollment.write', refuses: planRefusals },
    schema: {
      operationId: 'previewTransfer',
      tags,
      summary: 'Preview a transfer: the plan with defaults, warnings and the checkout quote (changes nothing)',
      body: previewTransferBody,
      response: { 200: transferPreviewDto },
    },
    handler: async (request) => previewTransfer(db, request.organization, request.actor, request.body),
  });

  typed.post('/api/transfers', {
    config: { access: 'enrollment.write', refuses: [...planRefusals, 'SUBSCRIPTION_ENDED', 'END_DATE_LATER', 'IDEMPOTENCY_KEY_REUSED', 'VALIDATION_FAILED', 'REQUEST_DECIDED', 'ENROLLMENT_CHANGED'] },
    schema: {
      operationId: 'transferClient',
      tags,
      summary: 'Transfer a client with checkout (pay now, pay later or close now), in one transaction',
      description:
        'Requires an Idempotency-Key header: a retry with the same key and body returns the first result. With transferRequestId it approves that ' +
        'guardian request in the same transaction (refused, and the request marked refused, when its enrollment changed since the guardian asked).',
      headers: idempotencyHeaders,
      body: transferBody,
      response: { 201: transferResultDto },
    },
    handler: async (request, reply) => {
      const result = await transferClient(db, request.organization, request.actor, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.status as 201).send(result.body);
    },
  });

  typed.post('/api/transfers/:id/undo', {
    config: { access: 'transfers.undo', refuses: ['UNDO_NOT_POSSIBLE'] },
    schema: {
      operationId: 'undoTransfer',
      tags,
      summary: 'Undo a transfer while nothing depends on it (no payment or attendance on the new enrollment)',
      params: idParamsSchema,
      response: { 200: undoTransferResultDto },
    },
    handler: async (request) => undoTransfer(db, request.organization, request.actor, request.params.id),
  });
}
