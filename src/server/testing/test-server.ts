import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { portalLoginRepository } from '../../db/repositories/portal-login-repository.js';
import { staffRepository } from '../../db/repositories/staff-repository.js';
import type { DatabaseHandle } from '../../db/client.js';
import { openTestDatabase } from '../../db/testing/test-database.js';
import type { Role } from '../../domain/access/permissions.js';
import { buildApp } from '../app.js';
import { settableClock } from '../clock.js';
import { unreadablePart } from './readable-problem.js';

export interface ApiResponse<T = any> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

export const TEST_PASSWORD = 'test-password-123';

/** The request fields a refusal names (problem+json `fields`), e.g. `body.amount`. */
export function fieldsNamed(problem: { fields?: { field: string }[] }): string[] {
  return (problem.fields ?? []).map((f) => f.field);
}

/**
 * Every refusal any test meets is checked for what a person reads (see unreadablePart): a
 * test that provokes a badly written one fails here.
 */
function assertReadableProblem(body: unknown, request: string) {
  const unreadable = unreadablePart(body);
  if (unreadable) throw new Error(`The refusal of ${request} shows ${unreadable} to a person: ${JSON.stringify(body)}`);
}

/**
 * A real HTTP server on a free port over the test file's database. Close it in afterAll.
 * `as(organizationId, role)` is a staff member of that organization, logged in through
 * the real sign-in endpoint on first use.
 */
export async function startTestServer(
  o: { signInAttemptsPerMinute?: number; signInAttemptsPerAccount?: number; trustProxy?: boolean | number | string; hsts?: boolean; apiDocs?: boolean; webAppDirectory?: string; database?: DatabaseHandle; wakeMessageSender?: () => void } = {},
) {
  const database = o.database ?? (await openTestDatabase());
  // The system's time until a test sets the day its example happens on (clock.setToday).
  const clock = settableClock();
  const app = await buildApp({
    db: database.db,
    clock,
    // Errors only: a 500 in a test prints its cause.
    logger: { level: 'error' },
    // The test client is the proxy: each staff member signs in from an address of their own
    // (X-Forwarded-For), so rate limits stay per test.
    trustProxy: o.trustProxy ?? '127.0.0.1',
    hsts: o.hsts,
    apiDocs: o.apiDocs,
    webAppDirectory: o.webAppDirectory,
    wakeMessageSender: o.wakeMessageSender,
    auth: {
      baseURL: 'http://127.0.0.1',
      secret: 'test-secret-test-secret-test-secret-123',
      trustedOrigins: ['http://127.0.0.1'],
      secureCookies: false,
      signInAttemptsPerMinute: o.signInAttemptsPerMinute ?? 1_000,
      signInAttemptsPerAccount: o.signInAttemptsPerAccount,
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const request = async <T = any>(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<ApiResponse<T>> => {
    const all: Record<string, string> = { ...headers };
    if (body !== undefined) all['content-type'] = 'application/json';
    const response = await fetch(baseUrl + path, {
      method,
      headers: all,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (e.g. a rate-limit text); the raw text is what the caller gets.
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('application/problem+json') && response.status < 500) assertReadableProblem(parsed, `${method} ${path}`);
    return { status: response.status, contentType, headers: response.headers, body: parsed as T };
  };

  const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

  /** Signs in and returns the session cookie, or the failed response. */
  const signIn = async (email: string, password: string, address = randomAddress()) => {
    const response = await request('POST', '/api/auth/sign-in/email', { email, password }, { 'x-forwarded-for': address });
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return { response, cookie };
  };

  const createStaffWithEmail = async (organizationId: string, role: Role, email: string) => ({
    ...(await staffRepository.create(database.db, { organizationId, name: `Test ${role}`, email, password: TEST_PASSWORD, role })),
    password: TEST_PASSWORD,
  });
  const createStaff = (organizationId: string, role: Role) =>
    createStaffWithEmail(organizationId, role, `${role}-${randomUUID().slice(0, 12)}@example.test`);

  /** Requests sent with a cookie (or none), as a browser would. */
  const client = (cookie: () => Promise<string | null>) => {
    const send = async <T = any>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
      const value = await cookie();
      return request<T>(method, path, body, value ? { cookie: value, ...extra } : extra);
    };
    return {
      get: <T = any>(path: string) => send<T>('GET', path),
      post: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => send<T>('POST', path, body, headers),
      put: <T = any>(path: string, body: unknown) => send<T>('PUT', path, body),
      patch: <T = any>(path: string, body: unknown) => send<T>('PATCH', path, body),
      delete: <T = any>(path: string) => send<T>('DELETE', path),
    };
  };

  const sessions = new Map<string, Promise<string>>();
  /** A logged-in staff member of the organization (null: nobody logged in). */
  const as = (organizationId: string | null, role: Role = 'owner') =>
    client(async () => {
      if (!organizationId) return null;
      const key = `${organizationId}/${role}`;
      if (!sessions.has(key)) {
        sessions.set(
          key,
          createStaff(organizationId, role).then(async (user) => {
            const { response, cookie } = await signIn(user.email, TEST_PASSWORD);
            if (response.status !== 200) throw new Error(`Test sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
            return cookie;
          }),
        );
      }
      return sessions.get(key)!;
    });

  /**
   * A guardian signed in to the family portal (a login made directly, without the invitation's
   * email): requests as that guardian. One login per guardian per test server.
   */
  const asGuardian = (organizationId: string, guardian: { id: string; name?: string }) =>
    client(async () => {
      const key = `guardian/${guardian.id}`;
      if (!sessions.has(key)) {
        const email = `guardian-${randomUUID().slice(0, 12)}@example.test`;
        sessions.set(
          key,
          portalLoginRepository
            .create(database.db, { organizationId, guardianId: guardian.id, name: guardian.name ?? 'Test guardian', email, password: TEST_PASSWORD })
            .then(async () => {
              const { response, cookie } = await signIn(email, TEST_PASSWORD);
              if (response.status !== 200) throw new Error(`Test guardian sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
              return cookie;
            }),
        );
      }
      return sessions.get(key)!;
    });

  return {
    db: database.db,
    app,
    asGuardian,
    clock,
    baseUrl,
    as,
    signIn,
    createStaff,
    createStaffWithEmail,
    withCookie: (cookie: string) => client(async () => cookie),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
export type TestApi = ReturnType<TestServer['as']>;

export const MISSING_ID = '00000000-0000-4000-8000-000000000000';
