import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import { createAuth, type AuthOptions } from './auth/auth.js';
import { systemClock, type Clock } from './clock.js';
import { organizationScoped, type RouteAccessEntry } from './http/organization-scope.js';
import { registerOpenApi } from './http/openapi.js';
import { refuseCrossSiteRequests } from './http/origin-check.js';
import { sendSecurityHeaders } from './http/security-headers.js';
import { clientErrorHandler, errorHandler, frameworkErrorHandler } from './http/problem.js';
import { refuseTextDatabasesCannotStore } from './http/text-check.js';
import { serveWebAppAndNotFound } from './http/web-app.js';
import { holdRequestsWhileLoading } from './http/hold-while-loading.js';
import { registerAuthRoutes } from './routes/auth/auth-routes.js';
import { registerMeRoutes } from './routes/auth/me-routes.js';
import { registerBillingRoutes } from './routes/billing/billing-routes.js';
import { registerCatalogRoutes } from './routes/catalog/catalog-routes.js';
import { registerEnrollmentRoutes } from './routes/enrollment/enrollment-routes.js';
import { registerOrganizationRoutes } from './routes/organization/organization-routes.js';
import { registerScheduleRoutes } from './routes/schedule/schedule-routes.js';
import { registerSetupRoutes } from './routes/setup/setup-routes.js';
import { registerSessionRoutes } from './routes/sessions/session-routes.js';
import { registerStaffRoutes } from './routes/staff/staff-routes.js';
import { registerTransferRoutes } from './routes/transfers/transfer-routes.js';
import { registerMessageRoutes } from './routes/messages/message-routes.js';
import { registerPortalMeRoutes } from './routes/portal/portal-me-routes.js';
import { registerTransferRequestRoutes } from './routes/transfer-requests/transfer-request-routes.js';
import { registerPortalInvitationRoutes } from './routes/portal/portal-invitation-routes.js';
import { registerPortalRoutes } from './routes/portal/portal-routes.js';
import { registerUnsubscribeRoutes } from './routes/messages/unsubscribe-routes.js';
import { registerCalendarFileRoutes } from './routes/calendar-feeds/calendar-file-routes.js';
import { registerCalendarFeedRoutes } from './routes/calendar-feeds/calendar-feed-routes.js';
import { firstRunRepository } from '../db/repositories/first-run-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every organization-scoped route with the access it declares (tests are generated from it). */
    accessTable: readonly RouteAccessEntry[];
  }
}

export interface AppOptions {
  db: Database;
  auth: Omit<AuthOptions, 'db'>;
  logger?: FastifyServerOptions['logger'];
  /**
   * Which proxies' X-Forwarded-For/-Host/-Proto to believe (Fastify's forms: a hop count, an
   * address list, true for every hop); off by default, so no client can choose its address.
   */
  trustProxy?: boolean | number | string;
  /** Serve the OpenAPI document and its viewer at /docs (API_DOCS). */
  apiDocs?: boolean;
  /** Send Strict-Transport-Security (production over HTTPS). */
  hsts?: boolean;
  /** The built web app (dist/web), served with deep links falling back to index.html. */
  webAppDirectory?: string;
  /** Where "now" comes from (and each organization's today): the system clock unless a test sets a day. */
  clock?: Clock;
  /** Wakes the outbox's sender after every successful change (and a manager's Send again); nothing without SMTP. */
  wakeMessageSender?: () => void;
  /** True while the first start loads the demo data: requests are answered 503 meanwhile (hold-while-loading.ts). */
  demoLoading?: () => boolean;
}

/**
 * Fastify's trustProxy for TRUST_PROXY. A hop count becomes "the nearest n hops", as proxy-addr
 * reads a number (Fastify 5.12 itself now treats a number as trusting nobody): only right when
 * the server can be reached through the proxy alone; an address list is the safer form.
 */
function trustedProxies(trustProxy: boolean | number | string): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy !== 'number') return trustProxy;
  const hops = trustProxy;
  return (_address, hop) => hop < hops;
}

/** The HTTP API: staff log in; every other /api route acts for their organization; OpenAPI at /docs. */
export async function buildApp({
  db,
  auth: authOptions,
  logger = false,
  trustProxy = false,
  apiDocs = true,
  hsts = false,
  webAppDirectory,
  clock = systemClock,
  wakeMessageSender = () => {},
  demoLoading,
}: AppOptions) {
  const app = Fastify({ logger, bodyLimit: 1_048_576, trustProxy: trustedProxies(trustProxy), frameworkErrors: frameworkErrorHandler, clientErrorHandler });
  const auth = createAuth({ db, ...authOptions });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await sendSecurityHeaders(app, { webAppDirectory, hsts });
  // Before any route: a hook added later would not reach the routes of plugins already registered.
  if (demoLoading) holdRequestsWhileLoading(app, demoLoading);
  // Once an organization exists the first run is over for good (nothing deletes organizations).
  let setUp = false;
  const isSetUp = async () => (setUp ||= await firstRunRepository.anyOrganization(db));
  await serveWebAppAndNotFound(app, webAppDirectory, { isSetUp, apiDocs });
  refuseCrossSiteRequests(app, authOptions.trustedOrigins);
  refuseTextDatabasesCannotStore(app);
  // A change that told someone wrote its emails in its transaction: send them now rather than at
  // the sender's next round. Added before the routes, so every route has it.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && reply.statusCode < 300) wakeMessageSender();
  });

  await registerOpenApi(app, { serveDocs: apiDocs });
  registerAuthRoutes(app, auth, db, {
    baseURL: authOptions.baseURL,
    signInAttemptsPerAccount: authOptions.signInAttemptsPerAccount ?? 10,
    signInAttemptWindowSeconds: 15 * 60,
  });
  registerSetupRoutes(app, db, () => (setUp = true));
  await registerUnsubscribeRoutes(app, db);
  registerCalendarFileRoutes(app, db, clock);

  const accessTable: RouteAccessEntry[] = [];
  await app.register(async (api) => {
    organizationScoped(api, db, auth, accessTable, clock);
    registerMeRoutes(api);
    registerOrganizationRoutes(api);
    registerCatalogRoutes(api, db);
    registerSessionRoutes(api, db);
    registerScheduleRoutes(api, db);
    registerEnrollmentRoutes(api, db);
    registerBillingRoutes(api, db);
    registerTransferRoutes(api, db);
    registerStaffRoutes(api, db);
    registerMessageRoutes(api, db);
    registerPortalMeRoutes(api);
    registerCalendarFeedRoutes(api, db);
    registerTransferRequestRoutes(api, db);
    registerPortalInvitationRoutes(api, db);
    registerPortalRoutes(api, db);
  });

  app.decorate('accessTable', accessTable);
  return app;
}
