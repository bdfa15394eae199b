import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.js';
import { addDiscount } from '../../services/billing/add-discount.js';
import { getFamilyBalance } from '../../services/billing/get-family-balance.js';
import { getInvoice } from '../../services/billing/get-invoice.js';
import { recordPayment } from '../../services/billing/record-payment.js';
import { voidInvoice } from '../../services/billing/void-invoice.js';
import { writeOffInvoice } from '../../services/billing/write-off-invoice.js';
import { idParamsSchema } from '../../../contracts/fields.js';
import {
  accountCreditBody,
  applyCreditBody,
  billingSettingsBody,
  billingSettingsDto,
  discountBody,
  familyBalanceDto,
  invoiceDto,
  invoiceRunBody,
  invoiceRunDto,
  paymentBody,
  refundBody,
  statementDto,
  statementQuery,
  voidBody,
  writeOffBody,
} from '../../../contracts/billing.js';
import { applyAccountCredit, giveAccountCredit } from '../../services/billing/account-credit.js';
import { changeBillingSettings, getBillingSettings, runInvoicesNow } from '../../services/billing/billing-settings.js';
import { getStatement, statementCsv } from '../../services/billing/get-statement.js';
import { refundPayment } from '../../services/billing/refund-payment.js';

/** Invoices and payments: read an invoice or a family's balance; pay, discount, write off or void an invoice. */
export function registerBillingRoutes(app: FastifyInstance, db: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['billing'];

  typed.get('/api/invoices/:id', {
    config: { access: 'clients.read' },
    schema: {
      operationId: 'getInvoice',
      tags,
      summary: 'One invoice: lines, discounts, payments, write-offs and the amount due',
      params: idParamsSchema,
      response: { 200: invoiceDto },
    },
    handler: async (request) => getInvoice(db, request.organization, request.params.id),
  });

  typed.get('/api/families/:id/balance', {
    config: { access: 'clients.read' },
    schema: {
      operationId: 'getFamilyBalance',
      tags,
      summary: "A family's balance (invoiced − paid − written off, void invoices ignored) and its invoices",
      params: idParamsSchema,
      response: { 200: familyBalanceDto },
    },
    handler: async (request) => getFamilyBalance(db, request.organization, request.params.id),
  });

  typed.post('/api/invoices/:id/payments', {
    config: { access: 'payments.write', refuses: ['CONFLICT'] },
    schema: {
      operationId: 'recordPayment',
      tags,
      summary: 'Record a payment of at most the amount due; the invoice is paid when nothing is left due',
      params: idParamsSchema,
      body: paymentBody,
      response: { 201: invoiceDto },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordPayment(db, request.organization, request.actor, request.params.id, request.body)),
  });

  typed.post('/api/invoices/:id/discounts', {
    config: { access: 'payments.write', refuses: ['CONFLICT', 'DISCOUNT_EXCEEDS_TOTAL'] },
    schema: {
      operationId: 'addDiscount',
      tags,
      summary: 'Add an amount or percent discount to an open invoice with no payments; the total is recomputed',
      params: idParamsSchema,
      body: discountBody,
      response: { 201: invoiceDto },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await addDiscount(db, request.organization, request.actor, request.params.id, request.body)),
  });

  typed.post('/api/invoices/:id/write-offs', {
    config: { access: 'billing.adjust', refuses: ['CONFLICT'] },
    schema: {
      operationId: 'writeOffInvoice',
      tags,
      summary: 'Write off part or all of what is due, with a reason; the invoice is closed when nothing is left due',
      params: idParamsSchema,
      body: writeOffBody,
      response: { 201: invoiceDto },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await writeOffInvoice(db, request.organization, request.actor, request.params.id, request.body)),
  });

  typed.post('/api/invoices/:id/void', {
    config: { access: 'billing.adjust', refuses: ['CONFLICT'] },
    schema: {
      operationId: 'voidInvoice',
      tags,
      summary: 'Void an open invoice nobody has paid on, with a reason; it stays in history and asks for nothing',
      params: idParamsSchema,
      body: voidBody,
      response: { 200: invoiceDto },
    },
    handler: async (request) => voidInvoice(db, request.organization, request.actor, request.params.id, request.body),
  });

  typed.post('/api/invoices/:id/refunds', {
    config: { access: 'billing.adjust', refuses: ['CONFLICT'] },
    schema: {
      operationId: 'refundPayment',
      tags,
      summary: 'Refund all or part of one of the invoice’s payments (method, reason); the invoice is due again for it',
      params: idParamsSchema,
      body: refundBody,
      response: { 201: invoiceDto },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await refundPayment(db, request.organization, request.actor, request.params.id, request.body)),
  });

  typed.post('/api/invoices/:id/credits', {
    config: { access: 'payments.write', refuses: ['CONFLICT'] },
    schema: {
      operationId: 'applyAccountCredit',
      tags,
      summary: "Apply the family's account credit to an open invoice (default: as much as is due and held)",
      params: idParamsSchema,
      body: applyCreditBody,
      response: { 201: invoiceDto },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await applyAccountCredit(db, request.organization, request.actor, request.params.id, request.body)),
  });

  typed.post('/api/families/:id/account-credit', {
    config: { access: 'billing.adjust' },
    schema: {
      operationId: 'addAccountCredit',
      tags,
      summary: "Add credit to a family's account (a reason is recorded); staff apply it to invoices later",
      params: idParamsSchema,
      body: accountCreditBody,
      response: { 201: familyBalanceDto },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await giveAccountCredit(db, request.organization, request.actor, request.params.id, request.body)),
  });

  typed.get('/api/families/:id/statement', {
    config: { access: 'clients.read', refuses: ['INVALID_DATE_RANGE'] },
    schema: {
      operationId: 'getFamilyStatement',
      tags,
      summary: "A family's statement for a date range: balance brought forward, every ledger entry with a running balance (JSON or CSV)",
      params: idParamsSchema,
      querystring: statementQuery,
      response: { 200: statementDto },
    },
    handler: async (request, reply) => {
      const statement = await getStatement(db, request.organization, request.params.id, request.query);
      if (request.query.format === 'json') return statement;
      const filename = `statement-${statement.familyName.replace(/[^A-Za-z0-9]+/g, '-')}-${statement.from}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .serializer((body: unknown) => body as string)
        // The CSV form of the same statement: typed as the JSON response, sent as the text it is.
        .send(statementCsv(statement, request.organization) as never);
    },
  });

  typed.get('/api/organization/billing-settings', {
    config: { access: 'clients.read' },
    schema: { operationId: 'getBillingSettings', tags, summary: "The organization's billing settings", response: { 200: billingSettingsDto } },
    handler: async (request) => getBillingSettings(db, request.organization),
  });

  typed.patch('/api/organization/billing-settings', {
    config: { access: 'billing.adjust' },
    schema: {
      operationId: 'changeBillingSettings',
      tags,
      summary: 'Change when invoices are issued and due, whether the run applies account credit, and whether transfer requests are approved automatically',
      body: billingSettingsBody,
      response: { 200: billingSettingsDto },
    },
    handler: async (request) => changeBillingSettings(db, request.organization, request.actor, request.body),
  });

  typed.post('/api/invoice-runs', {
    config: { access: 'billing.adjust', refuses: ['INVALID_DATE_RANGE'] },
    schema: {
      operationId: 'runInvoices',
      tags,
      summary: 'Run the invoice run now (it runs daily at 02:00 by itself): issues every invoice whose issue day has come; idempotent',
      body: invoiceRunBody,
      response: { 200: invoiceRunDto },
    },
    handler: async (request) => runInvoicesNow(db, request.organization, request.body),
  });
}
