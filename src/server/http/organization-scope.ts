import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import { forbidden, type Actor, type OrganizationContext } from '../../domain/access/actor.js';
import { can, isRole, permissionDescriptions, type Permission } from '../../domain/access/permissions.js';
import { AppError } from '../../domain/errors.js';
import type { Auth } from '../auth/auth.js';
import { staffSessionReader } from '../auth/staff-session.js';
import type { Clock } from '../clock.js';
import { todayIn } from '../../domain/time/today.js';

type StaffSessionReader = Awaited<ReturnType<typeof staffSessionReader>>;

/** What a route needs: a permission from the one table, or only a logged-in staff member. */
export type RouteAccess = Permission | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    organization: OrganizationContext;
    actor: Actor;
  }
}

async function resolveRequest(readSession: StaffSessionReader, request: FastifyRequest) {
  const session = await readSession(request.headers);
  if (!session) throw new AppError('UNAUTHENTICATED', 'Log in to continue.');
  const { organization, role } = session;
  if (!organization || !role || !isRole(role)) {
    throw new AppError('FORBIDDEN', 'Your account is not a staff member of an organization; ask its owner to add you.');
  }
  return {
    organization,
    actor: { userId: session.userId, role, email: session.email, name: session.name },
  };
}

/**
 * The one place that decides who acts and for which organization: the login session's
 * active organization (never the request body) and the member's role. Every route in
 * `app` must declare its access; a route without one fails at start-up (and in tests).
 */
export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

export function organizationScoped(app: FastifyInstance, db: Database, auth: Auth, table: RouteAccessEntry[], clock: Clock) {
  const readSession = staffSessionReader(db, auth);
  app.decorateRequest('organization', null as unknown as OrganizationContext);
  app.decorateRequest('actor', null as unknown as FastifyRequest['actor']);
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) throw new Error(`${route.method} ${route.url} declares no access (config.access)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access: route.config.access });
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access!;
    const { organization, actor } = await resolveRequest(await readSession, request);
    request.organization = { ...organization, today: todayIn(organization.timeZone, clock.now()) };
    request.actor = actor;
    if (access !== 'authenticated' && !can(actor.role, access)) {
      throw forbidden(actor.role, permissionDescriptions[access]);
    }
  });
}
