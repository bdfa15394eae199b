import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { getSchedule } from '../../services/schedule/get-schedule.js';
import { scheduleDto, scheduleQuery } from './schedule.types.js';

export function registerScheduleRoutes(app: FastifyInstance, db: Database) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/schedule', {
    config: { access: 'schedule.read' },
    schema: {
      tags: ['schedule'],
      summary: 'Session dates in a date range with enrolled count and capacity (the main schedule)',
      querystring: scheduleQuery,
      response: { 200: scheduleDto },
    },
    handler: async (request) => getSchedule(db, request.organization, request.query),
  });
}
