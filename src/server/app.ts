import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import { createAuth, type AuthOptions } from './auth/auth.js';
import { systemClock, type Clock } from './clock.js';
import { organizationScoped, type RouteAccessEntry } from './http/organization-scope.js';
import { registerOpenApi } from './http/openapi.js';
import { refuseCrossSiteRequests } from './http/origin-check.js';
import { clientErrorHandler, errorHandler, frameworkErrorHandler } from './http/problem.js';
import { refuseTextDatabasesCannotStore } from './http/text-check.js';
import { serveWebAppAndNotFound } from './http/web-app.js';
import { registerAuthRoutes } from './routes/auth/auth-routes.js';
import { registerMeRoutes } from './routes/auth/me-routes.js';
import { registerBillingRoutes } from './routes/billing/billing-routes.js';
import { registerCatalogRoutes } from './routes/catalog/catalog-routes.js';
import { registerEnrollmentRoutes } from './routes/enrollment/enrollment-routes.js';
import { registerOrganizationRoutes } from './routes/organization/organization-routes.js';
import { registerScheduleRoutes } from './routes/schedule/schedule-routes.js';
import { registerSessionRoutes } from './routes/sessions/session-routes.js';
import { registerStaffRoutes } from './routes/staff/staff-routes.js';
import { registerTransferRoutes } from './routes/transfers/transfer-routes.js';
import { registerMessageRoutes } from './routes/messages/message-routes.js';
import { registerUnsubscribeRoutes } from './routes/messages/unsubscribe-routes.js';

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
  /** Take the client address from X-Forwarded-For (behind a proxy, and in tests). */
  trustProxy?: boolean;
  /** The built web app (dist/web), served with deep links falling back to index.html. */
  webAppDirectory?: string;
  /** Where "now" comes from (and each organization's today): the system clock unless a test sets a day. */
  clock?: Clock;
  /** Wakes the outbox's sender (a manager sent a failed message again); nothing without SMTP. */
  wakeMessageSender?: () => void;
}

/** The HTTP API: staff log in; every other /api route acts for their organization; OpenAPI at /docs. */
export async function buildApp({
  db,
  auth: authOptions,
  logger = false,
  trustProxy = false,
  webAppDirectory,
  clock = systemClock,
  wakeMessageSender = () => {},
}: AppOptions) {
  const app = Fastify({ logger, bodyLimit: 1_048_576, trustProxy, frameworkErrors: frameworkErrorHandler, clientErrorHandler });
  const auth = createAuth({ db, ...authOptions });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await serveWebAppAndNotFound(app, webAppDirectory);
  refuseCrossSiteRequests(app, authOptions.trustedOrigins);
  refuseTextDatabasesCannotStore(app);

  await registerOpenApi(app);
  registerAuthRoutes(app, auth);
  await registerUnsubscribeRoutes(app, db);

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
    registerMessageRoutes(api, db, { wakeSender: wakeMessageSender });
  });

  app.decorate('accessTable', accessTable);
  return app;
}
