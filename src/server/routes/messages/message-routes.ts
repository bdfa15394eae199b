import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { idParamsSchema } from '../../../contracts/fields.js';
import { messageDetailDto, messageListQuery, messagePageDto, messagePreferencesBody, messagePreferencesDto } from '../../../contracts/messages.js';
import { getMessage } from '../../services/notifications/get-message.js';
import { listFamilyMessages, listOutbox } from '../../services/notifications/list-messages.js';
import {
  getGuardianPreferences,
  getOrganizationMessageSettings,
  setGuardianPreferences,
  setOrganizationMessageSettings,
} from '../../services/notifications/message-preferences.js';
import { sendAgain } from '../../services/notifications/send-again.js';

/** DESIGN.md "Notifications": the outbox, a family's messages, and who receives which kinds. */
export function registerMessageRoutes(app: FastifyInstance, db: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['messages'];

  typed.get('/api/messages', {
    config: { access: 'messages.manage' },
    schema: { operationId: 'listOutbox', tags, summary: "The organization's outbox, newest first", querystring: messageListQuery, response: { 200: messagePageDto } },
    handler: async (request) => listOutbox(db, request.organization, request.query),
  });

  typed.get('/api/families/:id/messages', {
    config: { access: 'clients.read' },
    schema: {
      operationId: 'listFamilyMessages',
      tags,
      summary: 'What a family was sent, and what was held back with why',
      params: idParamsSchema,
      querystring: messageListQuery,
      response: { 200: messagePageDto },
    },
    handler: async (request) => listFamilyMessages(db, request.organization, request.params.id, request.query),
  });

  typed.get('/api/messages/:id', {
    config: { access: 'clients.read' },
    schema: { operationId: 'getMessage', tags, summary: 'One message as its recipient reads it, with every try to send it', params: idParamsSchema, response: { 200: messageDetailDto } },
    handler: async (request) => getMessage(db, request.organization, request.params.id),
  });

  typed.post('/api/messages/:id/send-again', {
    config: { access: 'messages.manage', refuses: ['CONFLICT'] },
    schema: { operationId: 'sendMessageAgain', tags, summary: 'Send a failed message again, at once', params: idParamsSchema, response: { 200: messageDetailDto } },
    // Sent at once: buildApp wakes the sender after every change that succeeded.
    handler: async (request) => sendAgain(db, request.organization, request.actor, request.params.id),
  });

  typed.get('/api/guardians/:id/message-preferences', {
    config: { access: 'clients.read' },
    schema: { operationId: 'getGuardianMessagePreferences', tags, summary: 'The kinds of email a guardian turned off', params: idParamsSchema, response: { 200: messagePreferencesDto } },
    handler: async (request) => getGuardianPreferences(db, request.organization, request.params.id),
  });

  typed.put('/api/guardians/:id/message-preferences', {
    config: { access: 'clients.write' },
    schema: {
      operationId: 'setGuardianMessagePreferences',
      tags,
      summary: "Change which kinds of email a guardian receives (on the family's behalf); waiting messages of a turned-off kind are held back",
      params: idParamsSchema,
      body: messagePreferencesBody,
      response: { 200: messagePreferencesDto },
    },
    handler: async (request) => setGuardianPreferences(db, request.organization, request.actor, request.params.id, request.body),
  });

  typed.get('/api/organization/message-settings', {
    config: { access: 'clients.read' },
    schema: { operationId: 'getOrganizationMessageSettings', tags, summary: 'The kinds of email the organization turned off for everyone', response: { 200: messagePreferencesDto } },
    handler: async (request) => getOrganizationMessageSettings(db, request.organization),
  });

  typed.put('/api/organization/message-settings', {
    config: { access: 'messages.manage' },
    schema: {
      operationId: 'setOrganizationMessageSettings',
      tags,
      summary: 'Turn kinds of email off (or on) for every family',
      body: messagePreferencesBody,
      response: { 200: messagePreferencesDto },
    },
    handler: async (request) => setOrganizationMessageSettings(db, request.organization, request.actor, request.body),
  });
}
