import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeProblems, lintOpenApiDocument } from '../../../scripts/openapi-lint.js';
import { signInResultDto } from '../../contracts/auth.js';
import { problemSchema } from '../../contracts/problem.js';
import { buildOrganization } from '../../db/seed/builders.js';
import { MISSING_ID, startTestServer, type TestServer } from '../testing/test-server.js';

interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  openapi: string;
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

let server: TestServer;
/** The JSON as served, and the same read through the few fields the checks below use. */
let served: unknown;
let document: Document;
let organizationId: string;
beforeAll(async () => {
  server = await startTestServer();
  organizationId = (await buildOrganization(server.db, { name: 'Contract Swim' })).id;
  const response = await fetch(`${server.baseUrl}/docs/json`);
  expect(response.status).toBe(200);
  served = await response.json();
  document = served as Document;
});
afterAll(() => server.close());

const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
/** Routes outside an organization: better-auth's (sign in, out, one's own password and name) and the first run. */
const isOutsideOrganization = (path: string) => path.startsWith('/api/auth/') || path === '/api/setup' || path.startsWith('/api/unsubscribe/') || path.startsWith('/api/calendar/');
const operationAt = (method: string, path: string) => document.paths[path]![method.toLowerCase()]!;
const problemRef = { $ref: '#/components/schemas/Problem' };

describe('the OpenAPI document at /docs/json', () => {
  it('is OpenAPI 3.1 with servers and the session cookie as the security scheme every API route needs', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' });
    expect(document.security).toEqual([{ session: [] }]);
    expect(operationAt('POST', '/api/auth/sign-in/email').security).toEqual([]);
    expect(operationAt('GET', '/api/setup').security).toEqual([]);
    expect(operationAt('POST', '/api/setup').security).toEqual([]);
    // An email's unsubscribe link: the message's random id is the proof, no login.
    expect(operationAt('POST', '/api/unsubscribe/{id}').security).toEqual([]);
    // A calendar feed: the random token in its address is the proof, no login (calendar apps cannot sign in).
    expect(operationAt('GET', '/api/calendar/{token}.ics').security).toEqual([]);
    const gated = operations().filter(({ path }) => !isOutsideOrganization(path));
    expect(gated.length).toBeGreaterThan(40);
    for (const { operation } of gated) expect(operation.security).toBeUndefined();
  });

  it('names every operation with a unique camelCase operationId', () => {
    const ids = operations().map(({ method, path, operation }) => {
      expect(operation.operationId, `${method} ${path}`).toMatch(/^[a-z]+(?:[A-Z][a-z]*)+$/);
      return operation.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationAt('GET', '/api/sessions').operationId).toBe('listSessions');
    expect(operationAt('POST', '/api/families').operationId).toBe('createFamily');
    expect(operationAt('GET', '/api/families').operationId).toBe('listFamilies');
    expect(operationAt('PATCH', '/api/locations/{id}').operationId).toBe('updateLocation');
    expect(operationAt('GET', '/api/clients/{id}/profile').operationId).toBe('getClientProfile');
    expect(operationAt('POST', '/api/transfers/preview').operationId).toBe('previewTransfer');
    expect(operationAt('POST', '/api/transfers/{id}/undo').operationId).toBe('undoTransfer');
  });

  it('has the one Problem schema, made from the contract, and every refusal of the API references it', () => {
    const { $schema: _dialect, ...contract } = z.toJSONSchema(problemSchema, { target: 'draft-2020-12', io: 'output' });
    expect(document.components.schemas.Problem).toEqual(contract);
    for (const { method, path, operation } of operations()) {
      const where = `${method} ${path}`;
      const refusals = Object.entries(operation.responses).filter(([status]) => status.startsWith('4'));
      expect(refusals.length, where).toBeGreaterThan(0);
      for (const [status, response] of refusals) {
        expect(response.content, `${where} ${status}`).toEqual({ 'application/problem+json': { schema: problemRef } });
      }
      const statuses = refusals.map(([status]) => status);
      if (!isOutsideOrganization(path)) expect(statuses, `${where}: behind login`).toEqual(expect.arrayContaining(['401', '403']));
      if (operation.parameters?.length || operation.requestBody) expect(statuses, `${where}: has input`).toContain('400');
      if (path.includes('{id}')) expect(statuses, `${where}: has an id`).toContain('404');
    }
    const statusesOf = (method: string, path: string) => Object.keys(operationAt(method, path).responses);
    expect(statusesOf('POST', '/api/subscriptions')).toEqual(expect.arrayContaining(['409', '422']));
    expect(statusesOf('PATCH', '/api/sessions/{id}')).toContain('409');
    expect(statusesOf('POST', '/api/transfers')).toEqual(expect.arrayContaining(['404', '409', '422']));
    expect(statusesOf('POST', '/api/transfers/{id}/undo')).toContain('409');
    expect(statusesOf('GET', '/api/invoices/{id}')).not.toContain('409');
    expect(statusesOf('POST', '/api/auth/sign-in/email')).toEqual(expect.arrayContaining(['400', '401', '403', '429']));
    expect(statusesOf('POST', '/api/setup')).toEqual(expect.arrayContaining(['400', '403', '409']));
  });

  it('documents every organization-scoped route', () => {
    const documented = new Set(operations().map(({ method, path }) => `${method} ${path}`));
    for (const route of server.app.accessTable) {
      expect(documented, `${route.method} ${route.url}`).toContain(`${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    }
  });

  it('passes Redocly lint (redocly.yaml) with no error and no warning', { timeout: 60_000 }, () => {
    const result = lintOpenApiDocument(served);
    expect(describeProblems(result.problems)).toBe('');
    expect(result).toMatchObject({ errors: 0, warnings: 0 });
  });
});

describe('what the document promises, answered by the server', () => {
  it('refuses with bodies the Problem schema describes, under the statuses the operation lists', async () => {
    const api = server.as(organizationId);
    const refusals = [
      { method: 'GET', path: '/api/clients/{id}/profile', response: await api.get(`/api/clients/${MISSING_ID}/profile`), status: 404 },
      { method: 'POST', path: '/api/locations', response: await api.post('/api/locations', { name: '' }), status: 400 },
      { method: 'GET', path: '/api/schedule', response: await api.get('/api/schedule?from=2027-03-01&to=2027-12-01'), status: 400 },
      { method: 'GET', path: '/api/me', response: await server.as(null).get('/api/me'), status: 401 },
      { method: 'GET', path: '/api/staff', response: await server.as(organizationId, 'front_desk').get('/api/staff'), status: 403 },
    ];
    for (const { method, path, response, status } of refusals) {
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(problemSchema.safeParse(response.body).error).toBeUndefined();
      expect(Object.keys(operationAt(method, path).responses)).toContain(String(status));
    }
    expect(refusals[1]!.response.body.fields).toEqual([{ field: 'body.name', message: expect.any(String) }]);
  });

  it('signs in as documented', async () => {
    const staff = await server.createStaff(organizationId, 'manager');
    const { response } = await server.signIn(staff.email, staff.password);
    expect(response.status).toBe(200);
    expect(signInResultDto.safeParse(response.body).error).toBeUndefined();
  });
});

describe('a client generated from the document with openapi-typescript', () => {
  // Each @ts-expect-error line must be a type error: if the generated types were too loose
  // (an `any`, a missing required field), the check fails with "Unused '@ts-expect-error'".
  const calls = `
import type { components, operations, paths } from './api';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Refusal<R> = R extends { content: { 'application/problem+json': infer B } } ? B : never;

// GET /api/clients/{id}/profile
type Profile = Json<paths['/api/clients/{id}/profile']['get']['responses'][200]>;
export const balance = (profile: Profile): number => profile.balance;
export const familyName = (profile: Profile): string => profile.family.name;
// @ts-expect-error the profile has no total
export const total = (profile: Profile) => profile.total;
// @ts-expect-error the balance is a number
export const balanceText = (profile: Profile): string => profile.balance;
export const profileOf: paths['/api/clients/{id}/profile']['get']['parameters']['path'] = { id: '0b8e5a36-5d43-4f43-9d54-3c1c7f2b9a10' };
// @ts-expect-error the id is required
export const profileOfNobody: paths['/api/clients/{id}/profile']['get']['parameters']['path'] = {};

// POST /api/transfers (operationId transferClient)
type TransferBody = operations['transferClient']['requestBody']['content']['application/json'];
const ids = { subscriptionId: 'a', targetSessionId: 'b', transferDate: '2027-03-18' };
export const payLater: TransferBody = { ...ids, finish: { kind: 'pay_later' } };
export const payNow: TransferBody = { ...ids, discounts: [{ kind: 'percent', basisPoints: 1000, reason: 'Loyalty' }], finish: { kind: 'pay_now', amount: 8000, method: 'card' } };
// @ts-expect-error finish is required
export const unfinished: TransferBody = { ...ids };
// @ts-expect-error no such way to finish
export const payTomorrow: TransferBody = { ...ids, finish: { kind: 'pay_tomorrow' } };
export const transferHeaders: operations['transferClient']['parameters']['header'] = { 'idempotency-key': 'a-uuid-or-so' };
// @ts-expect-error the Idempotency-Key header is required
export const noKey: operations['transferClient']['parameters']['header'] = {};
export const created = (result: Json<operations['transferClient']['responses'][201]>): string => result.transfer.id;

// GET /api/sessions (operationId listSessions)
export const firstPage: operations['listSessions']['parameters']['query'] = { limit: 20, offset: 0 };
// @ts-expect-error the limit is a number
export const tenPerPage: operations['listSessions']['parameters']['query'] = { limit: 'ten' };
export const sessionNames = (page: Json<operations['listSessions']['responses'][200]>): string[] => page.items.map((s) => s.name);

// Refusals: one Problem schema
type Problem = components['schemas']['Problem'];
export const full = (refusal: Refusal<operations['enrollClient']['responses'][409]>): Problem => refusal;
export const undoRefused = (refusal: Refusal<operations['undoTransfer']['responses'][409]>): string => refusal.code;
export const firstField = (problem: Problem): string | undefined => problem.fields?.[0]?.field;
// @ts-expect-error the status is a number
export const statusText = (problem: Problem): string => problem.status;
// @ts-expect-error a refusal's detail is required
export const withoutDetail: Problem = { type: 'about:blank#NOT_FOUND', title: 'not found', status: 404, code: 'NOT_FOUND' };
// @ts-expect-error a read with no conflict to answer lists no 409
export const noConflict: operations['getInvoice']['responses'][409] = null;

// better-auth's sign-in
export const credentials: operations['signIn']['requestBody']['content']['application/json'] = { email: 'owner@example.com', password: 'secret-secret' };
// @ts-expect-error the password is required
export const emailOnly: operations['signIn']['requestBody']['content']['application/json'] = { email: 'owner@example.com' };
`;

  it('type-checks calls against the generated paths and operations', { timeout: 60_000 }, async () => {
    const directory = mkdtempSync(join(tmpdir(), 'openapi-client-'));
    try {
      const ast = await openapiTS(served as OpenAPI3, { silent: true });
      writeFileSync(join(directory, 'api.ts'), astToString(ast));
      writeFileSync(join(directory, 'calls.ts'), calls);
      const program = ts.createProgram([join(directory, 'calls.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        types: [],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program);
      const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => directory, getNewLine: () => '\n' };
      expect(ts.formatDiagnostics(diagnostics, host)).toBe('');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
