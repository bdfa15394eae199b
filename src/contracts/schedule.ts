import { z } from 'zod';
import { idSchema } from './fields.js';
import { dateRangeFields, sessionDateDto, toAfterFrom } from './sessions.js';

export const MAX_SCHEDULE_DAYS = 62;

export const scheduleQuery = dateRangeFields
  .extend({
    locationId: idSchema.optional(),
    instructorId: idSchema.optional(),
    serviceId: idSchema.optional(),
  })
  .refine(...toAfterFrom);
export type ScheduleQuery = z.output<typeof scheduleQuery>;

export const scheduleEntryDto = sessionDateDto.extend({
  sessionId: idSchema,
  sessionName: z.string(),
  serviceId: idSchema,
  serviceName: z.string(),
  instructorId: idSchema,
  instructorName: z.string(),
  locationId: idSchema,
  locationName: z.string(),
  full: z.boolean(),
});
export const scheduleDto = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  entries: z.array(scheduleEntryDto),
});
export type ScheduleDto = z.infer<typeof scheduleDto>;
