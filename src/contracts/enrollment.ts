import { z } from 'zod';
import { discountBody, finishSchema, invoiceDto, invoiceLineDto, appliedDiscountDto } from './billing.js';
import { idSchema, localDateSchema, paymentPlanSchema } from './fields.js';

/** What enrolling decides before checkout: who, where, from which date. */
export const enrollPreviewBody = z.object({
  clientId: idSchema,
  sessionId: idSchema,
  startsOn: localDateSchema.describe('The first session date the client attends'),
  discounts: z.array(discountBody).max(10).default([]),
});
export type EnrollPreviewInput = z.output<typeof enrollPreviewBody>;

/** Enrollment checkout (DESIGN.md "Enrollment bills at once"): the first invoice by plan, discounts, a finish. */
export const enrollBody = enrollPreviewBody.extend({ finish: finishSchema });
export type EnrollInput = z.output<typeof enrollBody>;

export const unenrollBody = z.object({
  date: localDateSchema.describe('The first session date the client no longer attends'),
});
export type UnenrollInput = z.output<typeof unenrollBody>;

export const subscriptionDto = z.object({
  id: idSchema,
  clientId: idSchema,
  sessionId: idSchema,
  startsOn: z.string(),
  endsOn: z.string().nullable().describe('Exclusive: the first date the client no longer attends'),
  status: z.enum(['active', 'void']),
  paymentPlan: paymentPlanSchema,
  priceSnapshot: z.number().int(),
});
export type SubscriptionDto = z.infer<typeof subscriptionDto>;

export const unenrollResultDto = subscriptionDto.extend({ voidedInvoiceIds: z.array(idSchema) });
export type UnenrollResultDto = z.infer<typeof unenrollResultDto>;

/** Checkout's first invoice for an enrollment, before any finish: nothing is saved. */
export const enrollPreviewDto = z.object({
  invoice: z.object({
    lines: z.array(invoiceLineDto),
    subtotal: z.number().int(),
    discounts: z.array(appliedDiscountDto),
    discountTotal: z.number().int(),
    total: z.number().int(),
    dueOn: z.string(),
  }),
  currency: z.string(),
});
export type EnrollPreviewDto = z.infer<typeof enrollPreviewDto>;

export const enrollResultDto = z.object({ subscription: subscriptionDto, invoice: invoiceDto });
export type EnrollResultDto = z.infer<typeof enrollResultDto>;
