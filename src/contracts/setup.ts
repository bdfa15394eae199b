import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../domain/access/password-policy.js';
import { idSchema, nameSchema } from './fields.js';

/** The one password policy (src/domain/access/password-policy.ts) as a request field. */
export const passwordSchema = z
  .string({ message: 'must be text' })
  .superRefine((value, context) => {
    const problem = passwordProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .meta({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'Not one of the most common passwords.' });

function isTimeZone(value: string): boolean {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone.length > 0 && (value.includes('/') || value === 'UTC');
  } catch {
    return false;
  }
}

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function isCurrency(value: string): boolean {
  return (Intl.supportedValuesOf('currency') as string[]).includes(value);
}

export const timeZoneSchema = z
  .string({ message: 'must be a time zone such as America/New_York' })
  .max(64, 'must be a time zone such as America/New_York')
  .refine(isTimeZone, 'must be a time zone such as America/New_York');
export const currencySchema = z
  .string({ message: 'must be a currency code such as USD' })
  .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD')
  .refine(isCurrency, 'must be a currency code such as USD, EUR or GBP');
export const localeSchema = z
  .string({ message: 'must be a language and region such as en-US' })
  .max(35, 'must be a language and region such as en-US')
  .refine(isLocale, 'must be a language and region such as en-US');

/** Whether the first run still has to happen: no organization exists yet. */
export const setupStatusDto = z.object({ needed: z.boolean() });
export type SetupStatusDto = z.infer<typeof setupStatusDto>;

/** The first run: the organization and the account of its owner. */
export const setupBody = z.object({
  organizationName: nameSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema,
  locale: localeSchema,
  ownerName: nameSchema,
  ownerEmail: z.email('must be an email address').max(254, 'must be at most 254 characters'),
  ownerPassword: passwordSchema,
});
export type SetupInput = z.output<typeof setupBody>;

export const setupDoneDto = z.object({
  organization: z.object({ id: idSchema, name: z.string(), timeZone: z.string(), currency: z.string(), locale: z.string() }),
  owner: z.object({ userId: z.string(), name: z.string(), email: z.string() }),
});
export type SetupDoneDto = z.infer<typeof setupDoneDto>;
