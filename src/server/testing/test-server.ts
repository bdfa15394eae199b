import type { AddressInfo } from 'node:net';
import { openTestDatabase } from '../../db/testing/test-database.js';
import { buildApp } from '../app.js';
import { organizationHeader } from '../http/organization-scope.js';

export interface ApiResponse<T = any> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

/** A real HTTP server on a free port over the test file's database. Close it in afterAll. */
export async function startTestServer() {
  const database = await openTestDatabase();
  // Errors only: a 500 in a test prints its cause.
  const app = await buildApp({ db: database.db, logger: { level: 'error' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  /** Requests acting for one organization, as its staff would. */
  const as = (organizationId: string | null) => {
    const send = async <T = any>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse<T>> => {
      const headers: Record<string, string> = { ...extraHeaders };
      if (organizationId) headers[organizationHeader] = organizationId;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        contentType: response.headers.get('content-type') ?? '',
        body: text ? JSON.parse(text) : undefined,
      };
    };
    return {
      get: <T = any>(path: string) => send<T>('GET', path),
      post: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => send<T>('POST', path, body, headers),
      put: <T = any>(path: string, body: unknown) => send<T>('PUT', path, body),
      patch: <T = any>(path: string, body: unknown) => send<T>('PATCH', path, body),
    };
  };

  return {
    db: database.db,
    baseUrl,
    as,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
export type TestApi = ReturnType<TestServer['as']>;

export const MISSING_ID = '00000000-0000-4000-8000-000000000000';
