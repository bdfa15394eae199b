import { z } from 'zod';
import { idSchema, moneySchema, nameSchema, paymentPlanSchema, patchOf } from './fields.js';

export const createServiceBody = z.object({
  name: nameSchema,
  description: z.string().trim().max(2000).default(''),
  defaultPaymentPlan: paymentPlanSchema,
  defaultPrice: moneySchema,
});
export const updateServiceBody = patchOf(createServiceBody);
export const serviceDto = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  defaultPaymentPlan: paymentPlanSchema,
  defaultPrice: z.number().int(),
});
export type ServiceDto = z.infer<typeof serviceDto>;
