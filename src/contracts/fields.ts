import { z } from 'zod';
import { paymentPlans } from '../domain/billing/value-sets.js';

/** Field schemas shared by every route, so a date or an amount means one thing everywhere. */
export const idSchema = z.uuid({ message: 'must be an id (a UUID)' });
export const localDateSchema = z.iso.date({ message: 'must be a date as YYYY-MM-DD' }).refine(
  (value) => value >= '1900-01-01' && value <= '2200-12-31',
  'must be a date between 1900 and 2200',
);
export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time as HH:MM (24-hour)');
export const moneySchema = z
  .number({ message: 'must be an amount in minor units (cents), e.g. 8000 for $80.00' })
  .int('must be a whole number of minor units (cents), e.g. 8000 for $80.00')
  .min(0, 'must not be negative')
  .max(100_000_000, 'must be at most 100000000 minor units');
export const nameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const paymentPlanSchema = z.enum(paymentPlans);
export const idParamsSchema = z.object({ id: idSchema });

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

/**
 * The body of a PATCH: every field of `create` optional and without its default, so a
 * field left out stays as it is instead of being reset to the default.
 */
export function patchOf<T extends z.ZodRawShape>(create: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(create.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, inner.optional()];
    }),
  ) as unknown as { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer I> ? I : T[K]> };
  return z.object(shape);
}

/** Why staff did something (a discount, a write-off, a void): required, as the audit shows it. */
export const reasonSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required: say why' : 'must be text') })
  .trim()
  .min(1, 'must not be empty: say why')
  .max(500, 'must be at most 500 characters');

/** A checkout (transfer or enrollment) carries a key of the client's choosing, so a retry cannot do it twice. */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string({ message: 'send an Idempotency-Key header (e.g. a UUID) so a retry cannot do it twice' })
    .min(8, 'must be at least 8 characters, e.g. a UUID')
    .max(200),
});

