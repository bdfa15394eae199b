import { z } from 'zod';
import { clientDto, familyDto, guardianDto } from '../catalog/families.types.js';
import { subscriptionDto } from '../enrollment/enrollment.types.js';
import { idSchema } from '../shared/fields.types.js';

export const invoiceDto = z.object({
  id: idSchema,
  subscriptionId: idSchema.nullable(),
  status: z.enum(['open', 'paid', 'closed', 'void']),
  issuedOn: z.string(),
  dueOn: z.string(),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  total: z.number().int(),
  paid: z.number().int(),
  writtenOff: z.number().int(),
  amountDue: z.number().int(),
  lines: z.array(
    z.object({
      description: z.string(),
      periodStart: z.string().nullable(),
      periodEnd: z.string().nullable(),
      quantityNumerator: z.number().int(),
      quantityDenominator: z.number().int(),
      unitAmount: z.number().int(),
      amount: z.number().int(),
    }),
  ),
  discounts: z.array(
    z.object({ kind: z.enum(['amount', 'percent']), basisPoints: z.number().int().nullable(), amount: z.number().int(), reason: z.string() }),
  ),
  payments: z.array(
    z.object({ id: idSchema, amount: z.number().int(), method: z.enum(['cash', 'check', 'card', 'other']), reference: z.string().nullable(), receivedAt: z.string() }),
  ),
});
export type InvoiceDto = z.infer<typeof invoiceDto>;

export const clientProfileDto = z.object({
  client: clientDto,
  family: familyDto,
  guardians: z.array(guardianDto),
  currency: z.string(),
  subscriptions: z.array(
    subscriptionDto.extend({
      sessionName: z.string(),
      serviceName: z.string(),
      state: z.enum(['upcoming', 'active', 'ended', 'void']),
    }),
  ),
  invoices: z.array(invoiceDto),
  balance: z.number().int().describe("The family's balance in minor units: invoiced − paid − written off"),
  history: z.array(
    z.object({
      id: idSchema,
      at: z.string(),
      action: z.string(),
      entityType: z.string(),
      entityId: idSchema,
      actorUserId: z.string().nullable(),
      actorRole: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
export type ClientProfileDto = z.infer<typeof clientProfileDto>;
