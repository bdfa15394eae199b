import type { AddressInfo } from 'node:net';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { SHARED_AUTH_SECRET } from './server-process.js';

/** The API in this process over `db` (so a test can arm fault points or read the route table). */
export async function startInProcessServer(db: Database) {
  const app = await buildApp({
    db,
    // Unexpected errors are the point of some tests; the suite reports them itself.
    logger: false,
    auth: {
      baseURL: 'http://127.0.0.1',
      secret: SHARED_AUTH_SECRET,
      trustedOrigins: ['http://127.0.0.1'],
      secureCookies: false,
      signInAttemptsPerMinute: 1_000,
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}
