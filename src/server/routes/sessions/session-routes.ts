import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { getRoster } from '../../services/sessions/get-roster.js';
import { getSessionDates } from '../../services/sessions/get-session-dates.js';
import { markAttendance } from '../../services/sessions/mark-attendance.js';
import { changeSessionDate, sessionService } from '../../services/sessions/session-service.js';
import { idParamsSchema } from '../../../contracts/fields.js';
import { registerResourceRoutes } from '../shared/resource-routes.js';
import { rosterDto, rosterQuery } from '../../../contracts/roster.js';
import {
  attendanceBody,
  attendanceDto,
  createSessionBody,
  dateRangeQuery,
  sessionDatesDto,
  sessionDateChangeDto,
  sessionDateExceptionBody,
  sessionDto,
  sessionListFilter,
  updateSessionBody,
} from '../../../contracts/sessions.js';

export function registerSessionRoutes(app: FastifyInstance, db: Database) {
  registerResourceRoutes(app, db, {
    access: { read: 'schedule.read', write: 'catalog.write' }, path: 'sessions', noun: 'session', dto: sessionDto,
    // A capacity below the clients already enrolled on a coming date.
    refuses: { update: ['CONFLICT'] },
    createBody: createSessionBody, updateBody: updateSessionBody, listFilter: sessionListFilter, service: sessionService,
  });
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sessions'];

  typed.get('/api/sessions/:id/dates', {
    config: { access: 'schedule.read', refuses: ['INVALID_DATE_RANGE'] },
    schema: {
      operationId: 'listSessionDates',
      tags,
      summary: "A session's dates in a range (cancelled ones included, marked), with free seats",
      params: idParamsSchema,
      querystring: dateRangeQuery,
      response: { 200: sessionDatesDto },
    },
    handler: async (request) => getSessionDates(db, request.organization, request.params.id, request.query),
  });

  typed.get('/api/sessions/:id/roster', {
    config: { access: 'roster.read', refuses: ['NOT_A_SESSION_DATE'] },
    schema: { operationId: 'getSessionRoster', tags, summary: 'The roster of one session date', params: idParamsSchema, querystring: rosterQuery, response: { 200: rosterDto } },
    handler: async (request) => getRoster(db, request.organization, request.actor, request.params.id, request.query.date),
  });

  typed.post('/api/sessions/:id/date-changes', {
    config: { access: 'catalog.write', refuses: ['NOT_A_SESSION_DATE', 'ATTENDANCE_RECORDED'] },
    schema: {
      operationId: 'changeSessionDate',
      tags,
      summary: 'Cancel or move one date of a session',
      params: idParamsSchema,
      body: sessionDateExceptionBody,
      response: { 201: sessionDateChangeDto },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await changeSessionDate(db, request.organization, request.actor, request.params.id, request.body)),
  });

  typed.put('/api/sessions/:id/attendance', {
    config: { access: 'attendance.write', refuses: ['NOT_ENROLLED_ON_DATE', 'DATE_IN_FUTURE'] },
    schema: {
      operationId: 'markAttendance',
      tags,
      summary: 'Mark a client on a session date present or absent',
      params: idParamsSchema,
      body: attendanceBody,
      response: { 200: attendanceDto },
    },
    handler: async (request) => markAttendance(db, request.organization, request.actor, request.params.id, request.body),
  });
}
