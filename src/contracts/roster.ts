import { z } from 'zod';
import { idSchema, localDateSchema } from './fields.js';
import { sessionDateDto } from './sessions.js';

export const rosterQuery = z.object({ date: localDateSchema });

export const rosterEntryDto = z.object({
  subscriptionId: idSchema,
  clientId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  familyId: idSchema,
  familyName: z.string(),
  guardianName: z.string().nullable(),
  guardianPhone: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  present: z.boolean().nullable().describe('Attendance on this date: true, false, or null when not taken yet'),
});
export const rosterDto = z.object({
  sessionId: idSchema,
  sessionName: z.string(),
  sessionDate: sessionDateDto,
  clients: z.array(rosterEntryDto),
});
export type RosterDto = z.infer<typeof rosterDto>;
