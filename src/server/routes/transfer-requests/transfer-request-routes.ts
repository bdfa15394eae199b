import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import type { AppErrorCode } from '../../../domain/errors.js';
import { idempotencyHeaders, idParamsSchema } from '../../../contracts/fields.js';
import {
  createdTransferRequestDto,
  createTransferRequestBody,
  declineTransferRequestBody,
  familyTransferRequestsDto,
  pendingCountDto,
  portalTransferTargetsDto,
  portalTransferTargetsQuery,
  transferRequestDetailDto,
  transferRequestDto,
  transferRequestListQuery,
  transferRequestPageDto,
} from '../../../contracts/transfer-requests.js';
import { declineTransferRequest, withdrawTransferRequest } from '../../services/transfer-requests/decide-request.js';
import { getTransferRequest } from '../../services/transfer-requests/get-request.js';
import { countPendingRequests, listFamilyRequests, listTransferRequests } from '../../services/transfer-requests/list-requests.js';
import { listPortalTransferTargets } from '../../services/transfer-requests/portal-transfer-targets.js';
import { requestTransfer } from '../../services/transfer-requests/request-transfer.js';

/** What a guardian's request can be refused for: the transfer's own planning, told to a parent, and the request's rules. */
const requestRefusals: AppErrorCode[] = [
  'NOT_FOUND',
  'REQUEST_NOT_POSSIBLE',
  'CONFLICT',
  'INVALID_DATE_RANGE',
  'SAME_SESSION',
  'NOT_A_SESSION_DATE',
  'ALREADY_ENROLLED',
  'CAPACITY_FULL',
  'ENDED_BY_TRANSFER',
  'NOT_ENROLLED_ON_DATE',
  'ATTENDANCE_RECORDED',
  'IDEMPOTENCY_KEY_REUSED',
];

/** DESIGN.md "The family portal": guardians ask for a transfer; staff see the queue and decline (approval is POST /api/transfers). */
export function registerTransferRequestRoutes(app: FastifyInstance, db: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const portal = ['portal'];
  const tags = ['transfer requests'];

  typed.get('/api/portal/enrollments/:id/transfer-targets', {
    config: { access: 'guardian', refuses: ['NOT_FOUND', 'REQUEST_NOT_POSSIBLE'] },
    schema: {
      operationId: 'listPortalTransferTargets',
      tags: portal,
      summary: "Sessions a guardian may ask to move a child's enrollment to: when, where, free seats and the coming dates",
      params: idParamsSchema,
      querystring: portalTransferTargetsQuery,
      response: { 200: portalTransferTargetsDto },
    },
    handler: async (request) => listPortalTransferTargets(db, request.organization, request.guardian.familyId, { subscriptionId: request.params.id, from: request.query.from }),
  });

  typed.post('/api/portal/transfer-requests', {
    config: { access: 'guardian', refuses: requestRefusals },
    schema: {
      operationId: 'createTransferRequest',
      tags: portal,
      summary: "Ask the school to move a child's enrollment to another session from a first date (approved at once when the organization's rules allow)",
      description: 'Requires an Idempotency-Key header: a retry with the same key and body returns the first result.',
      headers: idempotencyHeaders,
      body: createTransferRequestBody,
      response: { 201: createdTransferRequestDto },
    },
    handler: async (request, reply) => {
      const result = await requestTransfer(db, request.organization, request.guardian, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.status as 201).send(result.body);
    },
  });

  typed.get('/api/portal/transfer-requests', {
    config: { access: 'guardian' },
    schema: { operationId: 'listMyTransferRequests', tags: portal, summary: "The guardian's family's transfer requests, newest first, with status and reasons", response: { 200: familyTransferRequestsDto } },
    handler: async (request) => listFamilyRequests(db, request.organization, request.guardian.familyId),
  });

  typed.post('/api/portal/transfer-requests/:id/withdraw', {
    config: { access: 'guardian', refuses: ['NOT_FOUND', 'REQUEST_DECIDED'] },
    schema: { operationId: 'withdrawTransferRequest', tags: portal, summary: 'Withdraw a request still waiting for the school', params: idParamsSchema, response: { 200: transferRequestDto } },
    handler: async (request) => withdrawTransferRequest(db, request.organization, request.guardian, request.params.id),
  });

  typed.get('/api/transfer-requests', {
    config: { access: 'clients.read' },
    schema: {
      operationId: 'listTransferRequests',
      tags,
      summary: 'Transfer requests in a status (default pending), oldest first: child, family, from, to, first date, note, guardian',
      querystring: transferRequestListQuery,
      response: { 200: transferRequestPageDto },
    },
    handler: async (request) => listTransferRequests(db, request.organization, request.query),
  });

  typed.get('/api/transfer-requests/pending-count', {
    config: { access: 'clients.read' },
    schema: { operationId: 'countPendingTransferRequests', tags, summary: 'How many transfer requests wait for staff (the menu badge)', response: { 200: pendingCountDto } },
    handler: async (request) => countPendingRequests(db, request.organization),
  });

  typed.get('/api/transfer-requests/:id', {
    config: { access: 'clients.read', refuses: ['NOT_FOUND'] },
    schema: {
      operationId: 'getTransferRequest',
      tags,
      summary: "A transfer request, with the transfer date approving it today would use and whether its enrollment changed",
      params: idParamsSchema,
      response: { 200: transferRequestDetailDto },
    },
    handler: async (request) => getTransferRequest(db, request.organization, request.params.id),
  });

  typed.post('/api/transfer-requests/:id/decline', {
    config: { access: 'enrollment.write', refuses: ['NOT_FOUND', 'REQUEST_DECIDED'] },
    schema: {
      operationId: 'declineTransferRequest',
      tags,
      summary: 'Decline a pending transfer request with a reason the guardian reads (they are told by email)',
      params: idParamsSchema,
      body: declineTransferRequestBody,
      response: { 200: transferRequestDto },
    },
    handler: async (request) => declineTransferRequest(db, request.organization, request.actor, { id: request.params.id, reason: request.body.reason }),
  });
}
