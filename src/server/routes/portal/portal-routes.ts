import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { idParamsSchema } from '../../../contracts/fields.js';
import { messagePreferencesBody } from '../../../contracts/messages.js';
import {
  portalAccountDto,
  portalContactBody,
  portalEnrollmentDto,
  portalFamilyDto,
  portalInvoiceDto,
  portalInvoicesDto,
  portalStatementDto,
  portalStatementQuery,
} from '../../../contracts/portal.js';
import { getPortalAccount, setPortalMessagePreferences, updatePortalContact } from '../../services/portal/portal-account.js';
import { getPortalInvoice, getPortalInvoices, getPortalStatement } from '../../services/portal/portal-billing.js';
import { getPortalEnrollment, getPortalFamily } from '../../services/portal/portal-family.js';

/**
 * DESIGN.md "The family portal": what a signed-in guardian sees and changes, always for the
 * family of their login (request.guardian.familyId); another family's id is not found.
 */
export function registerPortalRoutes(app: FastifyInstance, db: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];

  typed.get('/api/portal/family', {
    config: { access: 'guardian', refuses: ['NOT_FOUND'] },
    schema: { operationId: 'getPortalFamily', tags, summary: "The family's children, their classes and each class's next dates", response: { 200: portalFamilyDto } },
    handler: async (request) => getPortalFamily(db, request.organization, request.guardian.familyId),
  });

  typed.get('/api/portal/enrollments/:id', {
    config: { access: 'guardian' },
    schema: {
      operationId: 'getPortalEnrollment',
      tags,
      summary: "One of the family's current classes (a subscription id) with its next dates",
      params: idParamsSchema,
      response: { 200: portalEnrollmentDto },
    },
    handler: async (request) => getPortalEnrollment(db, request.organization, request.guardian.familyId, request.params.id),
  });

  typed.get('/api/portal/invoices', {
    config: { access: 'guardian', refuses: ['NOT_FOUND'] },
    schema: { operationId: 'listPortalInvoices', tags, summary: "The family's invoices, balance and account credit", response: { 200: portalInvoicesDto } },
    handler: async (request) => getPortalInvoices(db, request.organization, request.guardian.familyId),
  });

  typed.get('/api/portal/invoices/:id', {
    config: { access: 'guardian' },
    schema: { operationId: 'getPortalInvoice', tags, summary: "One of the family's invoices with its lines", params: idParamsSchema, response: { 200: portalInvoiceDto } },
    handler: async (request) => getPortalInvoice(db, request.organization, request.guardian.familyId, request.params.id),
  });

  typed.get('/api/portal/statement', {
    config: { access: 'guardian', refuses: ['NOT_FOUND', 'INVALID_DATE_RANGE'] },
    schema: {
      operationId: 'getPortalStatement',
      tags,
      summary: "The family's statement for a range of dates: balance brought forward, each entry with the running balance",
      querystring: portalStatementQuery,
      response: { 200: portalStatementDto },
    },
    handler: async (request) => getPortalStatement(db, request.organization, request.guardian.familyId, request.query),
  });

  typed.get('/api/portal/account', {
    config: { access: 'guardian', refuses: ['NOT_FOUND'] },
    schema: { operationId: 'getPortalAccount', tags, summary: "The guardian's own contacts and the kinds of email they turned off", response: { 200: portalAccountDto } },
    handler: async (request) => getPortalAccount(db, request.organization, request.guardian),
  });

  typed.patch('/api/portal/account/contact', {
    config: { access: 'guardian', refuses: ['NOT_FOUND'] },
    schema: {
      operationId: 'updatePortalContact',
      tags,
      summary: "Change one's own name and phone (the email only staff change: it is the sign-in)",
      body: portalContactBody,
      response: { 200: portalAccountDto },
    },
    handler: async (request) => updatePortalContact(db, request.organization, request.guardian, request.body),
  });

  typed.put('/api/portal/account/message-preferences', {
    config: { access: 'guardian', refuses: ['NOT_FOUND'] },
    schema: {
      operationId: 'setPortalMessagePreferences',
      tags,
      summary: 'Choose which kinds of email to receive (schedule changes, billing, reminders); waiting emails of a turned-off kind are held back',
      body: messagePreferencesBody,
      response: { 200: portalAccountDto },
    },
    handler: async (request) => setPortalMessagePreferences(db, request.organization, request.guardian, request.body),
  });
}
