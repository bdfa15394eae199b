import { z } from 'zod';
import { idSchema, nameSchema, patchOf } from './fields.js';

export const createLocationBody = z.object({
  name: nameSchema,
  address: z.string().trim().max(500).nullable().default(null),
});
export const updateLocationBody = patchOf(createLocationBody);
export const locationDto = z.object({ id: idSchema, name: z.string(), address: z.string().nullable() });
export type LocationDto = z.infer<typeof locationDto>;
