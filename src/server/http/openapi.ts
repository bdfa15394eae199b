import swagger, { type SwaggerOptions, type SwaggerTransform } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../contracts/problem.js';
import type { AppErrorCode } from '../../domain/errors.js';
import { statusByCode } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The refusals a route can answer besides the ones every route of its kind can (invalid
     * input, not logged in, not allowed, no such id): documented as its 4xx responses.
     */
    refuses?: readonly AppErrorCode[];
  }
}

export const sessionCookieName = 'better-auth.session_token';

/** What each code means to a client, shown in the description of the responses that can carry it. */
const meaningOfCode: Record<AppErrorCode, string> = {
  VALIDATION_FAILED: 'a part of the request is not valid (`fields` names each part to correct)',
  INVALID_DATE_RANGE: 'the dates do not make a range this accepts (reversed, or too long)',
  NOT_FOUND: 'no record with this id in your organization',
  CONFLICT: 'the record as it is now does not allow it (e.g. an invoice already paid, an email already used)',
  CAPACITY_FULL: 'the session is full on a date',
  ALREADY_ENROLLED: 'the client is already enrolled in the session on those dates',
  NOT_A_SESSION_DATE: 'the date is not one the session meets on',
  NOT_ENROLLED_ON_DATE: 'the client is not on the roster on that date',
  SUBSCRIPTION_ENDED: 'the enrollment was cancelled',
  END_DATE_LATER: 'the enrollment already ends earlier; an end can move earlier, never later',
  DISCOUNT_EXCEEDS_TOTAL: 'a discount is more than the amount it applies to',
  SAME_SESSION: 'the target is the session the client is already in',
  INVALID_END_DATE: 'the end chosen for the old enrollment is not one of its session dates before its end',
  IDEMPOTENCY_KEY_REUSED: 'the Idempotency-Key was already used for a different request',
  UNDO_NOT_POSSIBLE: 'something already depends on the transfer',
  ENDED_BY_TRANSFER: 'the enrollment was ended by a transfer: undo that transfer first',
  ATTENDANCE_RECORDED: 'attendance is recorded on a date the change would take the client off',
  DATE_IN_FUTURE: 'the date is after today (attendance is recorded up to today)',
  UNAUTHENTICATED: 'nobody is logged in: sign in, then send the session cookie',
  FORBIDDEN: "the staff member's role does not allow it",
  CROSS_SITE_REQUEST: 'the request was sent from another site',
  TOO_MANY_ATTEMPTS: 'too many sign-in attempts from this address or for this account: wait, then try again',
  DEMO_LOADING: 'the server has just started and is loading the demo data: try again after Retry-After seconds',
  REQUEST_NOT_POSSIBLE: 'the enrollment cannot be moved by a request from the family portal (already moved, cancelled or ending)',
  REQUEST_DECIDED: 'the transfer request was already approved, declined, withdrawn or refused',
  ENROLLMENT_CHANGED: "the request's enrollment changed since the guardian asked; the request is now refused",
};

type JsonSchema = Record<string, unknown>;
type OpenApiDocument = NonNullable<Extract<SwaggerOptions, { mode?: 'dynamic' }>['openapi']>;

const problemRef = { $ref: '#/components/schemas/Problem' };

/** The codes a route can be refused with: its kind's (input, login, an id in the path) and its own. */
function refusalsOf(route: Pick<RouteOptions, 'method' | 'url' | 'schema' | 'config'>): AppErrorCode[] {
  const codes = new Set<AppErrorCode>();
  const schema = route.schema ?? {};
  if (schema.body || schema.querystring || schema.params || schema.headers) codes.add('VALIDATION_FAILED');
  if (route.config?.access) codes.add('UNAUTHENTICATED').add('FORBIDDEN');
  // refuseCrossSiteRequests (origin-check.ts) guards every /api/ request that changes something.
  if ([route.method].flat().some((method) => !['GET', 'HEAD', 'OPTIONS'].includes(method))) codes.add('CROSS_SITE_REQUEST');
  if (route.url.includes(':id')) codes.add('NOT_FOUND');
  for (const code of route.config?.refuses ?? []) codes.add(code);
  return [...codes];
}

/** The 4xx responses of a route, one per status, each a problem+json body naming the codes it may carry. */
function problemResponses(codes: readonly AppErrorCode[]) {
  const byStatus = new Map<number, AppErrorCode[]>();
  for (const code of codes) byStatus.set(statusByCode[code], [...(byStatus.get(statusByCode[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, statusCodes]) => [
      status,
      {
        description: `Refused (problem+json). ${statusCodes.map((code) => `${code}: ${meaningOfCode[code]}`).join('; ')}.`,
        content: { 'application/problem+json': { schema: problemRef } },
      },
    ]),
  );
}

/**
 * The route's schema as fastify-type-provider-zod turns it into JSON Schema, with its refusals
 * added. Only to the document: refusals are not run through the routes' response serializers,
 * so documenting them cannot change or break how the error handler answers.
 */
const documentRoute: SwaggerTransform = (document) => {
  const transformed = jsonSchemaTransform(document);
  if (!transformed.schema || transformed.schema.hide) return transformed;
  const response = { ...(transformed.schema.response as object), ...problemResponses(refusalsOf(document.route)) };
  return { ...transformed, schema: { ...transformed.schema, response } };
};

/** JSON Schema 2020-12, the dialect of OpenAPI 3.1 (and what jsonSchemaTransform makes of the routes' schemas). */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-2020-12', io });
  return jsonSchema;
}

/**
 * The OpenAPI 3.1 document at /docs/json (and its UI at /docs), made from the routes' zod
 * schemas: every operation has an operationId and its problem+json refusals, all referencing
 * components.schemas.Problem. A documented /api route without an operationId fails at start-up.
 */
export async function registerOpenApi(app: FastifyInstance, o: { serveDocs: boolean } = { serveDocs: true }) {
  const operationIds = new Set<string>();
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.schema?.hide || route.method === 'HEAD') return;
    const id = route.schema?.operationId;
    if (!id) throw new Error(`${String(route.method)} ${route.url} has no operationId (schema.operationId)`);
    if (operationIds.has(id)) throw new Error(`${String(route.method)} ${route.url}: the operationId ${id} is taken`);
    operationIds.add(id);
  });

  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Session transfers API',
      description:
        'Schedules, rosters, subscriptions and transfers for class-based businesses. Log in with POST /api/auth/sign-in/email {email, password}; the session cookie then authorizes every other route. Every refusal of the API is application/problem+json (the Problem schema), better-auth\'s endpoints included.',
      version: '0.1.0',
    },
    servers: [{ url: '/', description: 'The server this document was fetched from' }],
    paths: {},
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: sessionCookieName,
          description: 'The cookie POST /api/auth/sign-in/email sets',
        },
      },
      schemas: { Problem: jsonSchemaOf(problemSchema, 'output') },
    },
    security: [{ session: [] }],
  };
  if (!o.serveDocs) return;
  // The document's JSON Schemas come from zod, whose types openapi-types' SchemaObject does not accept as they are.
  await app.register(swagger, { openapi: document as OpenApiDocument, transform: documentRoute });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
