import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../../db/client.js';
import type { PageRequest } from '../../../db/repositories/tenant-table.js';
import { AppError, type AppErrorCode } from '../../../domain/errors.js';
import type { Permission } from '../../../domain/access/permissions.js';
import type { ResourceService } from '../../services/catalog/resource-service.js';
import { idParamsSchema, pageQuerySchema, pageSchema } from '../../../contracts/fields.js';

export interface ResourceDefinition<
  D extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  F extends z.ZodObject,
> {
  /** Plural path segment, e.g. `locations`; operationIds say it in camelCase (`listLocations`). */
  path: string;
  /** What a person calls one, e.g. `location` (`createLocation`, `getLocation`, `updateLocation`). */
  noun: string;
  /** The permissions to read and to change this entity. */
  access: { read: Permission; write: Permission };
  /** Refusals creating or changing one can answer beyond invalid input and an unknown id (documented). */
  refuses?: { create?: readonly AppErrorCode[]; update?: readonly AppErrorCode[] };
  dto: D;
  createBody: C;
  updateBody: U;
  listFilter: F;
  service: ResourceService<z.output<D>, z.output<C>, z.output<U>, z.output<F>>;
}

type IdParams = z.output<typeof idParamsSchema>;

/** POST, GET list, GET one and PATCH routes for one catalog entity. */
export function registerResourceRoutes<
  D extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  F extends z.ZodObject,
>(app: FastifyInstance, db: Database, resource: ResourceDefinition<D, C, U, F>) {
  const { path, noun, service } = resource;
  const tags = [path];
  const camel = (words: string) => words.replace(/(?:^|[-\s])(\w)/g, (_, letter: string) => letter.toUpperCase());
  const [one, many] = [camel(noun), camel(path)];
  const found = <T>(value: T | undefined): T => {
    if (value === undefined) throw new AppError('NOT_FOUND', `No ${noun} has this id in your organization.`);
    return value;
  };
  // Generic over the entity, so handlers cast what the schemas have already validated.
  const route = (
    method: HTTPMethods,
    url: string,
    schema: FastifySchema,
    handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
    refuses: readonly AppErrorCode[] = [],
  ) =>
    app.route({
      method,
      url,
      config: { access: method === 'GET' ? resource.access.read : resource.access.write, refuses },
      schema: { tags, ...schema },
      handler,
    });

  route('POST', `/api/${path}`, { operationId: `create${one}`, summary: `Create a ${noun}`, body: resource.createBody, response: { 201: resource.dto } },
    async (request, reply) =>
      reply.status(201).send(await service.create(db, request.organization, request.actor, request.body as z.output<C>)),
    resource.refuses?.create,
  );

  route(
    'GET',
    `/api/${path}`,
    {
      operationId: `list${many}`,
      summary: `List ${path}, a page at a time`,
      querystring: pageQuerySchema.extend(resource.listFilter.shape),
      response: { 200: pageSchema(resource.dto) },
    },
    async (request, reply) =>
      reply.send(await service.list(db, request.organization, request.query as PageRequest & z.output<F>)),
  );

  route('GET', `/api/${path}/:id`, { operationId: `get${one}`, summary: `Read a ${noun}`, params: idParamsSchema, response: { 200: resource.dto } },
    async (request, reply) =>
      reply.send(found(await service.get(db, request.organization, (request.params as IdParams).id))),
  );

  route(
    'PATCH',
    `/api/${path}/:id`,
    { operationId: `update${one}`, summary: `Change a ${noun}`, params: idParamsSchema, body: resource.updateBody, response: { 200: resource.dto } },
    async (request, reply) => {
      const { id } = request.params as IdParams;
      return reply.send(found(await service.update(db, request.organization, request.actor, id, request.body as z.output<U>)));
    },
    resource.refuses?.update,
  );
}
