import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import type { Database } from '../../db/client.js';
import { organizationRepository } from '../../db/repositories/organization-repository.js';

export interface OrganizationContext {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  locale: string;
}

/** Who acts; filled from the login session once accounts exist. */
export interface Actor {
  userId: string | null;
  role: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    organization: OrganizationContext;
    actor: Actor;
  }
}

export const organizationHeader = 'organization-id';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one place that decides which organization a request acts for. Until staff log in
 * (accounts issue) it comes from the Organization-Id header; then it comes from the session.
 */
export async function resolveOrganization(db: Database, request: FastifyRequest): Promise<OrganizationContext> {
  const raw = request.headers[organizationHeader];
  const id = Array.isArray(raw) ? raw[0] : raw;
  if (!id) {
    throw new AppError('VALIDATION_FAILED', `Send the ${organizationHeader} header with your organization's id.`);
  }
  if (!uuidPattern.test(id)) {
    throw new AppError('VALIDATION_FAILED', `The ${organizationHeader} header must be an organization id (a UUID).`);
  }
  const organization = await organizationRepository.findById(db, id);
  if (!organization) throw new AppError('NOT_FOUND', 'No organization has this id.');
  return organization;
}

/** Every route registered inside `scope` acts for exactly one organization. */
export function organizationScoped(app: FastifyInstance, db: Database) {
  app.decorateRequest('organization', null as unknown as OrganizationContext);
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    request.organization = await resolveOrganization(db, request);
    request.actor = { userId: null, role: null };
  });
}
