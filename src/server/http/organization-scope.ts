import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import { forbidden, type Actor, type OrganizationContext } from '../../domain/access/actor.js';
import { can, isRole, permissionDescriptions, type Permission } from '../../domain/access/permissions.js';
import { AppError } from '../../domain/errors.js';
import type { Auth } from '../auth/auth.js';
import { staffSessionReader } from '../auth/staff-session.js';
import type { Clock } from '../clock.js';
import { todayIn } from '../../domain/time/today.js';
import { guardianRepository } from '../../db/repositories/guardian-repository.js';

type StaffSessionReader = Awaited<ReturnType<typeof staffSessionReader>>;

/**
 * What a route needs: a permission from the one table, only a logged-in staff member, or a
 * family-portal login ('guardian': the route acts for that guardian's family alone).
 */
export type RouteAccess = Permission | 'authenticated' | 'guardian';

/** The family-portal guardian a 'guardian' route acts for; every portal query is limited to familyId. */
export interface PortalGuardian {
  guardianId: string;
  familyId: string;
  userId: string;
  name: string;
  email: string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    organization: OrganizationContext;
    /** Set on staff routes only. */
    actor: Actor;
    /** Set on 'guardian' (family portal) routes only. */
    guardian: PortalGuardian;
  }
}

/** A family-portal route: the login must be a guardian's; staff logins are sent to the staff app. */
async function resolveGuardianRequest(db: Database, readSession: StaffSessionReader, request: FastifyRequest) {
  const session = await readSession(request.headers);
  if (!session) throw new AppError('UNAUTHENTICATED', 'Log in to continue.');
  const found = await guardianRepository.findPortalGuardian(db, session.userId);
  if (!found) throw new AppError('FORBIDDEN', 'The family portal is for guardians a school has invited; staff work in the staff app.');
  const { organization, ...guardian } = found;
  return { organization, guardian: { ...guardian, userId: session.userId } };
}

async function resolveRequest(readSession: StaffSessionReader, request: FastifyRequest) {
  const session = await readSession(request.headers);
  if (!session) throw new AppError('UNAUTHENTICATED', 'Log in to continue.');
  const { organization, role } = session;
  if (!organization || !role || !isRole(role)) {
    // A guardian's login has no membership, so no staff route ever answers it (DESIGN.md "The family portal").
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
  app.decorateRequest('guardian', null as unknown as PortalGuardian);
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) throw new Error(`${route.method} ${route.url} declares no access (config.access)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access: route.config.access });
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access!;
    if (access === 'guardian') {
      const { organization, guardian } = await resolveGuardianRequest(db, await readSession, request);
      request.organization = { ...organization, today: todayIn(organization.timeZone, clock.now()) };
      request.guardian = guardian;
      return;
    }
    const { organization, actor } = await resolveRequest(await readSession, request);
    request.organization = { ...organization, today: todayIn(organization.timeZone, clock.now()) };
    request.actor = actor;
    if (access !== 'authenticated' && !can(actor.role, access)) {
      throw forbidden(actor.role, permissionDescriptions[access]);
    }
  });
}
