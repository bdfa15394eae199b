import { z } from 'zod';
import { checkoutFinishKinds } from '../domain/billing/value-sets.js';
import { transferWarningCodes } from '../domain/transfers/plan-transfer.js';
import { appliedDiscountDto, discountBody, finishSchema, invoiceDto, invoiceLineDto } from './billing.js';
import { subscriptionDto } from './enrollment.js';
import { idSchema, localDateSchema, moneySchema, paymentPlanSchema, reasonSchema } from './fields.js';

export const transferRequestFields = z.object({
  subscriptionId: idSchema.describe('The client’s current subscription'),
  transferDate: localDateSchema.describe('The session date the client is unenrolled from'),
  targetSessionId: idSchema,
  firstSessionDate: localDateSchema.nullish().describe("Default: the target's first real date on or after the transfer date"),
  oldEndsOn: localDateSchema.nullish().describe('Default: the transfer date (exclusive end of the old subscription)'),
  capacityOverride: z.boolean().default(false).describe('Enroll even if the target is full (audited)'),
  reason: z.string().trim().max(500).default(''),
  discounts: z.array(discountBody).max(10).default([]),
  accountCredit: z
    .object({ amount: moneySchema.refine((a) => a > 0, 'must be more than zero'), reason: reasonSchema })
    .nullish()
    .describe("Credit for the family's account instead of a discount (e.g. the suggested credit)"),
});
export const previewTransferBody = transferRequestFields;
export type PreviewTransferInput = z.output<typeof previewTransferBody>;

export const transferBody = transferRequestFields.extend({
  finish: finishSchema,
  transferRequestId: idSchema
    .nullish()
    .describe("A guardian's pending transfer request this transfer approves (same enrollment and target session), in the same transaction"),
});
export type TransferInput = z.output<typeof transferBody>;

const warningDto = z.object({
  code: z.enum(transferWarningCodes),
  message: z.string(),
  sessionName: z.string().optional(),
  dates: z.array(z.string()).optional(),
});

const change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });

export const transferPreviewDto = z.object({
  plan: z.object({
    subscriptionId: idSchema,
    clientId: idSchema,
    targetSessionId: idSchema,
    transferDate: z.string(),
    oldEndsOn: z.string(),
    firstSessionDate: z.string(),
    capacityOverridden: z.boolean(),
  }),
  warnings: z.array(warningDto),
  quote: z.object({
    invoice: z.object({ lines: z.array(invoiceLineDto), subtotal: z.number().int(), dueOn: z.string() }),
    changes: z.object({
      price: change(z.number().int()),
      paymentPlan: change(paymentPlanSchema),
      sessionsPerMonth: change(z.number().int()).extend({ month: z.string() }),
      time: change(z.string()),
      instructor: change(z.string()),
    }),
    unusedPaidSessions: z.object({ dates: z.array(z.string()), amount: z.number().int(), arithmetic: z.array(z.string()) }),
    billingHorizon: z
      .array(
        z.object({
          periodStart: z.string(),
          label: z.string().describe('"April 2027: Intermediate Thu $100.00 replaces Beginners Tue $80.00"'),
          replaces: z.object({ invoiceId: idSchema, sessionName: z.string(), total: z.number().int() }),
          by: z.object({ sessionName: z.string(), total: z.number().int() }).nullable().describe('Null when the new enrollment has nothing to bill that period'),
        }),
      )
      .describe("The old enrollment's later invoices the transfer voids, each with the new enrollment's invoice for the same period"),
    suggestedCredit: z.object({ amount: z.number().int(), reason: z.string(), arithmetic: z.array(z.string()) }).nullable(),
  }),
  invoice: z.object({
    subtotal: z.number().int(),
    discounts: z.array(appliedDiscountDto),
    discountTotal: z.number().int(),
    total: z.number().int(),
    dueOn: z.string(),
  }),
  currency: z.string(),
});
export type TransferPreviewDto = z.infer<typeof transferPreviewDto>;

export const transferDto = z.object({
  id: idSchema,
  clientId: idSchema,
  fromSubscriptionId: idSchema,
  toSubscriptionId: idSchema,
  transferDate: z.string().describe('The session date the client was unenrolled from (the date clicked)'),
  oldEndsOn: z.string().describe('The end the transfer gave the old enrollment (exclusive: the first date the client no longer attends it)'),
  firstSessionDate: z.string().describe('The new enrollment’s first session date'),
  reason: z.string(),
  checkout: z.enum(checkoutFinishKinds),
  invoiceId: idSchema.nullable(),
  status: z.enum(['completed', 'undone']),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type TransferDto = z.infer<typeof transferDto>;

export const transferResultDto = z.object({
  transfer: transferDto,
  oldSubscription: subscriptionDto,
  newSubscription: subscriptionDto,
  invoice: invoiceDto,
  /** The new enrollment's invoices for the later periods the transfer voided (E8). */
  horizonInvoices: z.array(invoiceDto),
  voidedInvoiceIds: z.array(idSchema),
  warnings: z.array(warningDto),
});
export type TransferResultDto = z.infer<typeof transferResultDto>;

export const transferTargetsQuery = z.object({ date: localDateSchema.describe('The transfer date') });
export const transferTargetDto = z.object({
  sessionId: idSchema,
  sessionName: z.string(),
  serviceId: idSchema,
  serviceName: z.string(),
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  durationMinutes: z.number().int(),
  instructorName: z.string(),
  locationName: z.string(),
  paymentPlan: paymentPlanSchema,
  price: z.number().int(),
  capacity: z.number().int(),
  firstSessionDate: z.string().nullable().describe('The default first session date for this transfer'),
  nextDates: z.array(z.object({ date: z.string(), status: z.enum(['scheduled', 'cancelled', 'moved']), freeSeats: z.number().int() })),
  freeSeats: z.number().int().describe('Free seats on the default first session date'),
  full: z.boolean().describe('Full on some date in the next eight weeks'),
});
export const transferTargetsDto = z.object({
  subscriptionId: idSchema,
  transferDate: z.string(),
  currentSessionId: idSchema,
  targets: z.array(transferTargetDto),
});

export const undoTransferResultDto = z.object({
  transfer: transferDto,
  oldSubscription: subscriptionDto,
  newSubscription: subscriptionDto,
  voidedInvoiceIds: z.array(idSchema),
  reopenedInvoiceIds: z.array(idSchema),
});
export type UndoTransferResultDto = z.infer<typeof undoTransferResultDto>;
