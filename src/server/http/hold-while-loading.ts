import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { sendProblem } from './problem.js';

/** Seconds a client is asked to wait before asking again. */
export const RETRY_AFTER_SECONDS = 5;

const LOADING_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}" />
    <title>Front desk: loading the demo data</title>
    <style>
      body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #212529; }
      main { max-width: 36rem; margin: 0 auto; padding: 48px 16px; }
      h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
      p { margin: 0; color: #495057; line-height: 1.5; }
    </style>
  </head>
  <body>
    <main>
      <h1>Almost ready</h1>
      <p>The demo data is loading (once, on the first start). This page reloads by itself in a few seconds.</p>
    </main>
  </body>
</html>
`;

/**
 * While `loading()` holds (the first start is writing the demo data), the server already
 * listens but answers everything that would read the database with 503 and Retry-After: a
 * page gets a short page that reloads itself, the API a problem+json saying to try again. The
 * web app's own files and the API docs need no database and are served as usual. Without
 * this, a request would wait for the demo's transaction, or see an empty database (and be
 * sent to the first-run setup).
 */
export function holdRequestsWhileLoading(app: FastifyInstance, loading: () => boolean) {
  app.addHook('onRequest', async (request, reply) => {
    if (!loading()) return;
    const path = request.url.split('?')[0]!;
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    const needsNoDatabase = isRead && (path.startsWith('/assets/') || path.startsWith('/docs') || /\/[^/]+\.[a-z0-9]+$/i.test(path));
    if (needsNoDatabase) return;
    reply.header('retry-after', String(RETRY_AFTER_SECONDS)).header('cache-control', 'no-store');
    const isPage = isRead && !path.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (isPage) return reply.status(503).type('text/html; charset=utf-8').send(LOADING_PAGE);
    return sendProblem(reply, new AppError('DEMO_LOADING', 'The demo data is loading; try again in a few seconds.'));
  });
}
