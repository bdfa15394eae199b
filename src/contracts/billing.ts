import { z } from 'zod';
import { discountKinds, invoiceStatuses, paymentMethods } from '../domain/billing/value-sets.js';
import { idSchema, localDateSchema, moneySchema, reasonSchema } from './fields.js';

export const invoiceStatusSchema = z.enum(invoiceStatuses);
export const paymentMethodSchema = z.enum(paymentMethods);

/** One line of an invoice: what it bills, for which period (end exclusive), and how it is counted. */
export const invoiceLineDto = z.object({
  description: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable().describe('Exclusive'),
  quantityNumerator: z.number().int(),
  quantityDenominator: z.number().int(),
  unitAmount: z.number().int(),
  amount: z.number().int(),
});
export type InvoiceLineDto = z.infer<typeof invoiceLineDto>;

/** A discount as applied to an invoice: its kind, the percent when it is one, the amount it took off. */
export const appliedDiscountDto = z.object({
  kind: z.enum(discountKinds),
  basisPoints: z.number().int().nullable(),
  amount: z.number().int(),
  reason: z.string(),
});

/** The shared money field, above zero (a refinement, so a negative amount gets one message, not two). */
const positiveMoneySchema = moneySchema.refine((amount) => amount !== 0, 'must be more than zero');

/** A discount staff add, at checkout or to an open invoice: an amount or a percent, with a reason. */
export const discountBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('amount'),
      amount: positiveMoneySchema.describe('Minor units (cents), more than zero and at most what is left of the total'),
      reason: reasonSchema,
    }),
    z.object({
      kind: z.literal('percent'),
      basisPoints: z
        .number({ message: 'must be a percent in basis points, e.g. 1500 for 15 %' })
        .int('must be a whole number of basis points (1500 = 15 %)')
        .min(1, 'must be more than zero')
        .max(10_000, 'must be at most 10000 (100 %)')
        .describe('1500 = 15 %'),
      reason: reasonSchema,
    }),
  ],
  { message: 'must be "amount" or "percent"' },
);
export type DiscountInput = z.output<typeof discountBody>;

/** Checkout's three finish buttons: Enroll and Pay Now, Pay Later, Close Now (enrollment and transfer alike). */
export const finishSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pay_now'),
    amount: moneySchema,
    method: paymentMethodSchema,
    reference: z.string().trim().max(200).nullish(),
  }),
  z.object({ kind: z.literal('pay_later'), dueOn: localDateSchema.nullish() }),
  z.object({ kind: z.literal('close_now'), reason: reasonSchema }),
]);

export type CheckoutFinishInput = z.output<typeof finishSchema>;

export const invoiceDto = z.object({
  id: idSchema,
  subscriptionId: idSchema.nullable(),
  status: invoiceStatusSchema,
  issuedOn: z.string(),
  dueOn: z.string(),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  total: z.number().int(),
  paid: z.number().int(),
  writtenOff: z.number().int(),
  amountDue: z.number().int().describe('total − paid − written off; 0 for a void invoice'),
  lines: z.array(invoiceLineDto),
  discounts: z.array(appliedDiscountDto),
  payments: z.array(
    z.object({ id: idSchema, amount: z.number().int(), method: paymentMethodSchema, reference: z.string().nullable(), receivedAt: z.string() }),
  ),
  writeOffs: z.array(z.object({ amount: z.number().int(), reason: z.string(), writtenOffAt: z.string() })),
});
export type InvoiceDto = z.infer<typeof invoiceDto>;

export const familyBalanceDto = z.object({
  familyId: idSchema,
  currency: z.string(),
  balance: z.number().int().describe("The family's balance in minor units: invoiced − paid − written off, void invoices ignored"),
  invoices: z.array(invoiceDto),
});
export type FamilyBalanceDto = z.infer<typeof familyBalanceDto>;

export const paymentBody = z.object({
  amount: positiveMoneySchema.describe('Minor units (cents), more than zero and at most the amount due'),
  method: paymentMethodSchema,
  reference: z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .nullable()
    .default(null)
    .describe('A check number, card slip or receipt number'),
});
export type PaymentInput = z.output<typeof paymentBody>;


export const writeOffBody = z.object({
  reason: reasonSchema,
  amount: positiveMoneySchema.optional().describe('Minor units (cents), more than zero; defaults to the whole amount due'),
});
export type WriteOffInput = z.output<typeof writeOffBody>;

export const voidBody = z.object({ reason: reasonSchema });
export type VoidInput = z.output<typeof voidBody>;
