import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization } from '../../db/seed/builders.js';
import { startTestServer, type TestApi, type TestServer } from '../testing/test-server.js';

let server: TestServer;
let api: TestApi;
beforeAll(async () => {
  server = await startTestServer();
  api = server.as((await buildOrganization(server.db)).id);
});
afterAll(() => server.close());

/** Found by the bad-input reliability test: these came back as Fastify's own JSON, without a detail. */
describe('refusals before a route runs are problem+json too', () => {
  it('an address with a broken %-encoding', async () => {
    const response = await api.get('/api/clients/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringContaining('encod') });
  });

  it('an id longer than any id', async () => {
    const response = await api.get(`/api/invoices/${'a'.repeat(300)}`);
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.detail).toContain('id');
  });

  it('an address over 16 KB (headers too large), answered before Fastify sees it', async () => {
    const url = new URL(`${server.baseUrl}/api/schedule?from=${'y'.repeat(40_000)}`);
    const { status, contentType, body } = await new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'GET' }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body: text }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(431);
    expect(contentType).toContain('application/problem+json');
    expect(JSON.parse(body).detail).toContain('too large');
  });
});
