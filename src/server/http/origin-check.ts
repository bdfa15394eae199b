import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing API requests that a browser sent from another site: with
 * SameSite=Lax cookies this closes cross-site request forgery for every route, not only
 * better-auth's own. Requests without an Origin (curl, server-to-server) carry no cookie
 * a browser attached on their behalf, so they pass.
 */
export function refuseCrossSiteRequests(app: FastifyInstance, trustedOrigins: readonly string[]) {
  const trusted = new Set(trustedOrigins);
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    if (origin && !trusted.has(origin) && origin !== `${request.protocol}://${request.host}`) {
      throw new AppError('CROSS_SITE_REQUEST', `Requests from ${origin} are not accepted; use the app at its own address.`);
    }
  });
}
