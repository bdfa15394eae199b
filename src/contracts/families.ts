import { z } from 'zod';
import { idSchema, localDateSchema, nameSchema, patchOf } from './fields.js';

export const createFamilyBody = z.object({ name: nameSchema });
export const updateFamilyBody = patchOf(createFamilyBody);
export const familyDto = z.object({ id: idSchema, name: z.string() });
export type FamilyDto = z.infer<typeof familyDto>;

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^[+()\d][\d ()+.-]{5,30}$/, 'must be a phone number, e.g. +1 555 010 2030');

export const createGuardianBody = z.object({
  familyId: idSchema,
  name: nameSchema,
  email: z.email('must be an email address').nullable().default(null),
  phone: phoneSchema.nullable().default(null),
});
export const updateGuardianBody = patchOf(createGuardianBody);
export const guardianDto = z.object({
  id: idSchema,
  familyId: idSchema,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type GuardianDto = z.infer<typeof guardianDto>;

export const createClientBody = z.object({
  familyId: idSchema,
  firstName: nameSchema,
  lastName: nameSchema,
  birthDate: localDateSchema.nullable().default(null),
  notes: z.string().trim().max(2000).default(''),
});
export const updateClientBody = patchOf(createClientBody);
export const clientDto = z.object({
  id: idSchema,
  familyId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  notes: z.string(),
});
export type ClientDto = z.infer<typeof clientDto>;
export const familyFilter = z.object({ familyId: idSchema.optional() });
export const familySearchFilter = z.object({
  search: z
    .string()
    .trim()
    .max(100, 'must be at most 100 characters')
    .optional()
    .describe(
      "Finds a family by its name (every word) or by a guardian's name (every word), email (contains) or phone (its digits, 3 or more); case- and accent-insensitive",
    ),
});

/** The header search (`GET /api/search?q=`): people and families by name, phone or email. */
export const searchQuery = z.object({
  q: z.string().trim().min(2, 'type at least 2 characters').max(100, 'must be at most 100 characters'),
});
export const searchResultDto = z.object({
  clients: z.array(z.object({ id: idSchema, firstName: z.string(), lastName: z.string(), familyId: idSchema, familyName: z.string() })),
  guardians: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      familyId: idSchema,
      familyName: z.string(),
      children: z.array(z.object({ id: idSchema, firstName: z.string(), lastName: z.string() })),
    }),
  ),
  families: z.array(z.object({ id: idSchema, name: z.string(), children: z.array(z.object({ id: idSchema, firstName: z.string(), lastName: z.string() })) })),
});
export type SearchResultDto = z.infer<typeof searchResultDto>;
export const clientFilter = familyFilter.extend({
  search: z.string().max(100).optional().describe('Words that appear in the name, case- and accent-insensitive, e.g. "zoe pat"'),
});

/** A new family in one step (the front desk's "New family"): its name, at least one guardian and one child. */
export const registerFamilyBody = z.object({
  name: nameSchema,
  guardians: z.array(createGuardianBody.omit({ familyId: true })).min(1, 'add at least one guardian').max(6),
  children: z.array(createClientBody.omit({ familyId: true })).min(1, 'add at least one child').max(12),
});
export type RegisterFamilyInput = z.output<typeof registerFamilyBody>;
export const registeredFamilyDto = z.object({ family: familyDto, guardians: z.array(guardianDto), children: z.array(clientDto) });
export type RegisteredFamilyDto = z.infer<typeof registeredFamilyDto>;
