import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import { organizationScoped } from './http/organization-scope.js';
import { errorHandler, problemContentType } from './http/problem.js';
import { registerBillingRoutes } from './routes/billing/billing-routes.js';
import { registerCatalogRoutes } from './routes/catalog/catalog-routes.js';
import { registerEnrollmentRoutes } from './routes/enrollment/enrollment-routes.js';
import { registerScheduleRoutes } from './routes/schedule/schedule-routes.js';
import { registerSessionRoutes } from './routes/sessions/session-routes.js';
import { registerTransferRoutes } from './routes/transfers/transfer-routes.js';
import { registerOrganizationRoutes } from './routes/organization/organization-routes.js';

export interface AppOptions {
  db: Database;
  logger?: FastifyServerOptions['logger'];
}

/** The HTTP API: every route under /api acts for one organization; OpenAPI at /docs. */
export async function buildApp({ db, logger = false }: AppOptions) {
  const app = Fastify({ logger, bodyLimit: 1_048_576 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).type(problemContentType).send({
      type: 'about:blank#NOT_FOUND',
      title: 'not found',
      status: 404,
      code: 'NOT_FOUND',
      detail: `There is no ${request.method} ${request.url.split('?')[0]} in this API; see /docs.`,
    }),
  );

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Session transfers API',
        description: 'Schedules, rosters, subscriptions and transfers for class-based businesses.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          organization: { type: 'apiKey', in: 'header', name: 'organization-id' },
        },
      },
      security: [{ organization: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(async (api) => {
    organizationScoped(api, db);
    registerOrganizationRoutes(api);
    registerCatalogRoutes(api, db);
    registerSessionRoutes(api, db);
    registerScheduleRoutes(api, db);
    registerEnrollmentRoutes(api, db);
    registerBillingRoutes(api, db);
    registerTransferRoutes(api, db);
  });

  return app;
}
