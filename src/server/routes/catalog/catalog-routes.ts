import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../../db/client.js';
import {
  clientService,
  familyService,
  guardianService,
  instructorService,
  locationService,
  serviceService,
} from '../../services/catalog/catalog-services.js';
import { registerResourceRoutes } from '../shared/resource-routes.js';
import { searchPeople } from '../../services/clients/search-people.js';
import { registerFamily } from '../../services/clients/register-family.js';
import {
  clientDto,
  clientFilter,
  createClientBody,
  createFamilyBody,
  createGuardianBody,
  familyDto,
  familyFilter,
  familySearchFilter,
  registeredFamilyDto,
  registerFamilyBody,
  searchQuery,
  searchResultDto,
  guardianDto,
  updateClientBody,
  updateFamilyBody,
  updateGuardianBody,
} from '../../../contracts/families.js';
import { createInstructorBody, instructorDto, updateInstructorBody } from '../../../contracts/instructors.js';
import { createLocationBody, locationDto, updateLocationBody } from '../../../contracts/locations.js';
import { createServiceBody, serviceDto, updateServiceBody } from '../../../contracts/services.js';

const noFilter = z.object({});
const catalog = { read: 'schedule.read', write: 'catalog.write' } as const;
const people = { read: 'clients.read', write: 'clients.write' } as const;

/** Locations, instructors, services, families, guardians and clients: create, read, update, list. */
export function registerCatalogRoutes(app: FastifyInstance, db: Database) {
  registerResourceRoutes(app, db, {
    access: catalog, path: 'locations', noun: 'location', dto: locationDto,
    createBody: createLocationBody, updateBody: updateLocationBody, listFilter: noFilter, service: locationService,
  });
  registerResourceRoutes(app, db, {
    access: catalog, path: 'instructors', noun: 'instructor', dto: instructorDto,
    createBody: createInstructorBody, updateBody: updateInstructorBody, listFilter: noFilter, service: instructorService,
  });
  registerResourceRoutes(app, db, {
    access: catalog, path: 'services', noun: 'service', dto: serviceDto,
    createBody: createServiceBody, updateBody: updateServiceBody, listFilter: noFilter, service: serviceService,
  });
  registerResourceRoutes(app, db, {
    access: people, path: 'families', noun: 'family', dto: familyDto,
    createBody: createFamilyBody, updateBody: updateFamilyBody, listFilter: familySearchFilter, service: familyService,
  });
  registerResourceRoutes(app, db, {
    access: people, path: 'guardians', noun: 'guardian', dto: guardianDto,
    createBody: createGuardianBody, updateBody: updateGuardianBody, listFilter: familyFilter, service: guardianService,
  });
  registerResourceRoutes(app, db, {
    access: people, path: 'clients', noun: 'client', dto: clientDto,
    createBody: createClientBody, updateBody: updateClientBody, listFilter: clientFilter, service: clientService,
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/search', {
    config: { access: 'clients.read' },
    schema: {
      operationId: 'searchPeople',
      tags: ['clients'],
      summary: 'Clients, guardians (by name, phone or email) and families matching the words typed; case- and accent-insensitive',
      querystring: searchQuery,
      response: { 200: searchResultDto },
    },
    handler: async (request) => searchPeople(db, request.organization, request.query.q),
  });

  app.withTypeProvider<ZodTypeProvider>().post('/api/families/register', {
    config: { access: 'clients.write' },
    schema: {
      operationId: 'registerFamily',
      tags: ['families'],
      summary: 'A new family with its guardians and children, in one transaction',
      body: registerFamilyBody,
      response: { 201: registeredFamilyDto },
    },
    handler: async (request, reply) => reply.status(201).send(await registerFamily(db, request.organization, request.actor, request.body)),
  });
}
