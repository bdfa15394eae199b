import { z } from 'zod';
import { idSchema, localDateSchema, paymentPlanSchema } from './fields.js';

export const enrollBody = z.object({
  clientId: idSchema,
  sessionId: idSchema,
  startsOn: localDateSchema.describe('The first session date the client attends'),
});
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
