import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { calendarFeedTokenParams, calendarFileSchema } from '../../../contracts/calendar-feeds.js';
import type { Clock } from '../../clock.js';
import { openCalendarFeed } from '../../services/calendar-feeds/open-calendar-feed.js';

/**
 * A private calendar feed, open to whoever holds its address (calendar apps cannot log in:
 * the random token is the proof). Outside the organization scope, like the unsubscribe link.
 */
export function registerCalendarFileRoutes(app: FastifyInstance, db: Database, clock: Clock) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/calendar/:token.ics', {
    config: { refuses: ['NOT_FOUND'] },
    schema: {
      operationId: 'getCalendarFeedFile',
      tags: ['calendar feeds'],
      security: [],
      summary: "A family's or an instructor's session dates as an iCalendar feed (no login: the address is the key)",
      params: calendarFeedTokenParams,
      response: { 200: calendarFileSchema },
    },
    handler: async (request, reply) => {
      const file = await openCalendarFeed(db, request.params.token, clock.now());
      return (
        reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'inline; filename="calendar.ics"')
          // The feed is someone's schedule: no shared cache keeps it, and apps see changes within minutes.
          .header('cache-control', 'private, max-age=300')
          .serializer((body: unknown) => body as string)
          .send(file)
      );
    },
  });
}
