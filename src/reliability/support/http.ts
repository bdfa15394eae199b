import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { staffRepository } from '../../db/repositories/staff-repository.js';
import type { Role } from '../../domain/access/permissions.js';
import { unreadablePart } from '../../server/testing/readable-problem.js';

export interface Reply<T = any> {
  status: number;
  contentType: string;
  body: T;
  text: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as it is: a string (any content type) or nothing. */
  body?: string;
}

/** Sends a request as a browser or a script would, with the staff member's cookie. */
export async function send<T = any>(baseUrl: string, cookie: string | null, request: RawRequest): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...request.headers };
  const response = await fetch(baseUrl + request.path, { method: request.method, headers, body: request.body });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the caller sees the text.
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: body as T, text };
}

export type Api = ReturnType<typeof apiFor>;

/** JSON requests to one server as one logged-in staff member. */
export function apiFor(baseUrl: string, cookie: string | null) {
  const json = <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    send<T>(baseUrl, cookie, {
      method,
      path,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    baseUrl,
    cookie,
    get: <T = any>(path: string) => json<T>('GET', path),
    post: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => json<T>('POST', path, body, headers),
    put: <T = any>(path: string, body: unknown) => json<T>('PUT', path, body),
    patch: <T = any>(path: string, body: unknown) => json<T>('PATCH', path, body),
    /** POST /api/transfers with an Idempotency-Key (a new one unless given). */
    transfer: <T = any>(body: unknown, key: string = randomUUID()) => json<T>('POST', '/api/transfers', body, { 'idempotency-key': key }),
    /** POST /api/subscriptions (enrollment checkout) with an Idempotency-Key; Pay Later unless the body says otherwise. */
    enroll: <T = any>(body: object, key: string = randomUUID()) =>
      json<T>('POST', '/api/subscriptions', { finish: { kind: 'pay_later' }, ...body }, { 'idempotency-key': key }),
  };
}

const PASSWORD = 'reliability-password-123';

/** Adds a staff member of the organization with the role and logs them in on `baseUrl`; returns the cookie. */
export async function logIn(db: Database, baseUrl: string, organizationId: string, role: Role = 'owner'): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 12)}@reliability.test`;
  await staffRepository.create(db, { organizationId, name: `Reliability ${role}`, email, password: PASSWORD, role });
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** True when a refusal is what the API promises: 4xx, application/problem+json, a code and a detail that says something. */
export function isClearProblem(reply: Reply): boolean {
  return (
    reply.status >= 400 &&
    reply.status < 500 &&
    reply.contentType.startsWith('application/problem+json') &&
    typeof reply.body === 'object' &&
    reply.body !== null &&
    typeof reply.body.code === 'string' &&
    typeof reply.body.detail === 'string' &&
    reply.body.detail.trim().length > 5 &&
    unreadablePart(reply.body) === null
  );
}

/** Runs `tasks` with at most `concurrency` in flight; results in order. */
export async function inParallel<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}
