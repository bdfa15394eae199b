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
import { discountBody, familyBalanceDto, invoiceDto, paymentBody, voidBody, writeOffBody } from '../../../contracts/billing.js';

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
}
