import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { getSchedule } from '../../services/schedule/get-schedule.js';
import { scheduleDto, scheduleQuery } from '../../../contracts/schedule.js';
import { weekAround } from '../../../domain/schedule/schedule-week.js';

export function registerScheduleRoutes(app: FastifyInstance, db: Database) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/schedule', {
    config: { access: 'schedule.read', refuses: ['INVALID_DATE_RANGE'] },
    schema: {
      operationId: 'getSchedule',
      tags: ['schedule'],
      summary: 'Session dates in a date range with enrolled count and capacity (the main schedule)',
      querystring: scheduleQuery,
      response: { 200: scheduleDto },
    },
    // The largest, most-read response (a week of 300 sessions: 371 entries, 205 KB), built
    // field by field from typed values: serialized without validating it again on every
    // request (0.85 ms of ~9). Its integration test checks real responses against scheduleDto.
    serializerCompiler: () => (data) => JSON.stringify(data),
    handler: async (request) => getSchedule(db, request.organization, request.query),
  });

  // The schedule's landing view, asked for by index.html before the app's code (or the session,
  // which names the organization's zone) is there: "this week" is counted here, in the
  // organization's today, as the web counts a week (weekAround).
  app.withTypeProvider<ZodTypeProvider>().get('/api/schedule/this-week', {
    config: { access: 'schedule.read' },
    schema: {
      operationId: 'getScheduleThisWeek',
      tags: ['schedule'],
      summary: "The organization's current week, Monday to Monday in its time zone, as GET /api/schedule answers it",
      response: { 200: scheduleDto },
    },
    serializerCompiler: () => (data) => JSON.stringify(data),
    handler: async (request) => {
      const week = weekAround(request.organization.today);
      return getSchedule(db, request.organization, { from: week.from.toString(), to: week.to.toString() });
    },
  });
}
