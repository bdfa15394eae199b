import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.js';
import { sendProblem } from './problem.js';

function notFoundProblem(request: FastifyRequest, reply: FastifyReply, path: string) {
  return sendProblem(reply, new AppError('NOT_FOUND', `There is no ${request.method} ${path} in this API; see /docs.`));
}

/** Vite names everything under assets/ by its content's hash: a changed file gets a new name, so a copy never goes stale. */
const HASHED = /[\\/]assets[\\/][^\\/]+$/;
export const cacheControl = {
  hashed: 'public, max-age=31536000, immutable',
  /** index.html and the like: asked again each time (answered 304 while unchanged), so a new build is seen at once. */
  other: 'no-cache',
};

/**
 * Serves the built web app (when there is one) and answers every other GET that is not the
 * API or the docs with index.html, so the browser's router handles deep links like
 * /clients/:id; anything else unknown is a problem+json 404. Files go out brotli- or
 * gzip-compressed as the browser accepts (precompressed at build, see vite.config.ts), hashed
 * assets cached for a year.
 */
export async function serveWebAppAndNotFound(
  app: FastifyInstance,
  directory: string | undefined,
  o: { isSetUp: () => Promise<boolean>; apiDocs: boolean },
) {
  const hasWebApp = directory !== undefined && existsSync(join(directory, 'index.html'));
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: directory,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', HASHED.test(path) ? cacheControl.hashed : cacheControl.other),
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const isPage = request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/docs');
    if (hasWebApp && isPage) {
      // The first run: until an organization exists every page is the welcome screen.
      const setUp = await o.isSetUp();
      if (!setUp && path !== '/welcome') return reply.redirect('/welcome');
      if (setUp && path === '/welcome') return reply.redirect('/login');
      // index.html is never cached (setHeaders: no-cache), so a browser never keeps an old one.
      return reply.sendFile('index.html');
    }
    if (!hasWebApp && path === '/' && o.apiDocs) return reply.redirect('/docs');
    return notFoundProblem(request, reply, path);
  });
}
