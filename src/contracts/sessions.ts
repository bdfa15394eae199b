import { z } from 'zod';
import {
  idSchema,
  localDateSchema,
  localTimeSchema,
  moneySchema,
  nameSchema,
  patchOf,
  paymentPlanSchema,
} from './fields.js';

const weekdaysSchema = z
  .array(z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)'))
  .min(1, 'choose at least one weekday')
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'must not repeat a weekday');

const sessionFields = z.object({
  serviceId: idSchema,
  name: nameSchema,
  weekdays: weekdaysSchema.describe('ISO weekdays: 1 = Monday … 7 = Sunday'),
  startTime: localTimeSchema.describe("Local start time in the organization's time zone"),
  durationMinutes: z.number().int().min(5, 'must be at least 5 minutes').max(720, 'must be at most 720 minutes'),
  startsOn: localDateSchema,
  endsOn: localDateSchema.nullable().default(null).describe('Exclusive: the first date with no session; null = open-ended'),
  capacity: z.number().int().min(0, 'must not be negative').max(1000, 'must be at most 1000'),
  instructorId: idSchema,
  locationId: idSchema,
  paymentPlan: paymentPlanSchema.optional().describe("Defaults to the service's payment plan"),
  price: moneySchema.optional().describe("Defaults to the service's price"),
});

export const createSessionBody = sessionFields.refine((s) => s.endsOn === null || s.endsOn > s.startsOn, {
  message: 'must be after the start date',
  path: ['endsOn'],
});
export const updateSessionBody = patchOf(sessionFields);
export type CreateSessionInput = z.output<typeof createSessionBody>;
export type UpdateSessionInput = z.output<typeof updateSessionBody>;

export const sessionDto = z.object({
  id: idSchema,
  serviceId: idSchema,
  name: z.string(),
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  durationMinutes: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  capacity: z.number().int(),
  instructorId: idSchema,
  locationId: idSchema,
  paymentPlan: paymentPlanSchema,
  price: z.number().int(),
  sessionsThisMonth: z.number().int().describe('Real session dates in the current month, cancelled ones excluded'),
  nextDates: z.array(z.string()).describe('The next real session dates from today'),
});
export type SessionDto = z.infer<typeof sessionDto>;

export const sessionListFilter = z.object({
  serviceId: idSchema.optional(),
  instructorId: idSchema.optional(),
  locationId: idSchema.optional(),
});

export const dateRangeFields = z.object({ from: localDateSchema, to: localDateSchema.describe('Exclusive') });
export const toAfterFrom: [(r: { from: string; to: string }) => boolean, { message: string; path: string[] }] = [
  (r) => r.to > r.from,
  { message: 'must be after the start of the range', path: ['to'] },
];
export const dateRangeQuery = dateRangeFields.refine(...toAfterFrom);

export const sessionDateDto = z.object({
  date: z.string(),
  originalDate: z.string(),
  status: z.enum(['scheduled', 'cancelled', 'moved']),
  startsAt: z.string().describe('Instant, ISO 8601 UTC'),
  endsAt: z.string(),
  localStartTime: z.string(),
  enrolled: z.number().int(),
  capacity: z.number().int(),
  freeSeats: z.number().int(),
});
export type SessionDateDto = z.infer<typeof sessionDateDto>;

export const sessionDateExceptionBody = z
  .object({
    date: localDateSchema.describe('The scheduled date to cancel or move'),
    kind: z.enum(['cancelled', 'moved']),
    toDate: localDateSchema.nullable().default(null),
    toStartTime: localTimeSchema.nullable().default(null),
    reason: z.string().trim().max(500).nullable().default(null),
  })
  .refine((e) => (e.kind === 'moved') === (e.toDate !== null), {
    message: 'is needed when the date is moved, and only then',
    path: ['toDate'],
  });
export type SessionDateExceptionInput = z.output<typeof sessionDateExceptionBody>;

export const sessionDateChangeDto = z.object({
  sessionId: idSchema,
  date: z.string(),
  kind: z.enum(['cancelled', 'moved']),
  toDate: z.string().nullable(),
  toStartTime: z.string().nullable(),
  reason: z.string().nullable(),
});

export const sessionDatesDto = z.object({ sessionId: idSchema, dates: z.array(sessionDateDto) });
export type SessionDatesDto = z.infer<typeof sessionDatesDto>;

/** Whether a client on a session date was there: true, false. */
export const attendanceDto = z.object({ sessionId: idSchema, subscriptionId: idSchema, date: localDateSchema, present: z.boolean() });
export type AttendanceDto = z.infer<typeof attendanceDto>;
export const attendanceBody = attendanceDto.omit({ sessionId: true });
export type AttendanceInput = z.output<typeof attendanceBody>;
