import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { idParamsSchema } from '../../../contracts/fields.js';
import { unsubscribeDto } from '../../../contracts/messages.js';
import { describeUnsubscribe, unsubscribe } from '../../services/notifications/unsubscribe.js';

/**
 * The unsubscribe link of every email, open to anyone holding it (no login: the message's
 * random id is the proof). GET only describes, so a mail scanner following links changes
 * nothing; POST turns the kind off, from the page's button or a mail client's one-click
 * (RFC 8058, a form-encoded `List-Unsubscribe=One-Click`).
 */
export async function registerUnsubscribeRoutes(app: FastifyInstance, db: Database) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['messages'];

    typed.get('/api/unsubscribe/:id', {
      schema: { operationId: 'describeUnsubscribe', tags, security: [], summary: 'What an unsubscribe link turns off (changes nothing)', params: idParamsSchema, response: { 200: unsubscribeDto } },
      handler: async (request) => describeUnsubscribe(db, request.params.id),
    });

    typed.post('/api/unsubscribe/:id', {
      schema: { operationId: 'unsubscribeFromKind', tags, security: [], summary: "Turn off the link's kind of email for its reader", params: idParamsSchema, response: { 200: unsubscribeDto } },
      handler: async (request) => unsubscribe(db, request.params.id),
    });
  });
}
