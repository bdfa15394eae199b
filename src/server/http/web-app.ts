import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.js';
import { sendProblem } from './problem.js';

function notFoundProblem(request: FastifyRequest, reply: FastifyReply, path: string) {
  return sendProblem(reply, new AppError('NOT_FOUND', `There is no ${request.method} ${path} in this API; see /docs.`));
}

/**
 * Serves the built web app (when there is one) and answers every other GET that is not the
 * API or the docs with index.html, so the browser's router handles deep links like
 * /clients/:id; anything else unknown is a problem+json 404.
 */
export async function serveWebAppAndNotFound(
  app: FastifyInstance,
  directory: string | undefined,
  o: { isSetUp: () => Promise<boolean>; apiDocs: boolean },
) {
  const hasWebApp = directory !== undefined && existsSync(join(directory, 'index.html'));
  if (hasWebApp) await app.register(fastifyStatic, { root: directory, wildcard: false, maxAge: '1h', index: false });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const isPage = request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/docs');
    if (hasWebApp && isPage) {
      // The first run: until an organization exists every page is the welcome screen.
      const setUp = await o.isSetUp();
      if (!setUp && path !== '/welcome') return reply.redirect('/welcome');
      if (setUp && path === '/welcome') return reply.redirect('/login');
      // Without cacheControl: false the static plugin's max-age (1h) would replace no-cache, and a browser
      // would keep an old index.html (and an old redirect-free /welcome) for an hour.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    }
    if (!hasWebApp && path === '/' && o.apiDocs) return reply.redirect('/docs');
    return notFoundProblem(request, reply, path);
  });
}
