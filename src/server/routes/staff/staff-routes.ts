import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../../db/client.js';
import { addStaffMember, listStaff } from '../../services/staff/staff-service.js';
import { createStaffBody, staffMemberDto } from '../../../contracts/staff.js';

export function registerStaffRoutes(app: FastifyInstance, db: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/staff', {
    config: { access: 'staff.manage' },
    schema: { operationId: 'listStaff', tags: ['staff'], summary: 'Staff members and their roles', response: { 200: z.array(staffMemberDto) } },
    handler: async (request) => listStaff(db, request.organization),
  });
  typed.post('/api/staff', {
    config: { access: 'staff.manage', refuses: ['CONFLICT'] },
    schema: { operationId: 'addStaffMember', tags: ['staff'], summary: 'Add a staff login with a role', body: createStaffBody, response: { 201: staffMemberDto } },
    handler: async (request, reply) => reply.status(201).send(await addStaffMember(db, request.organization, request.actor, request.body)),
  });
}
