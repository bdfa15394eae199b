import { z } from 'zod';
import { NOTE_MAX_LENGTH, transferRequestStatuses } from '../domain/transfers/transfer-requests.js';
import { idSchema, localDateSchema, pageQuerySchema, reasonSchema } from './fields.js';

/** DESIGN.md "The family portal": a guardian's request to move a child's enrollment, and staff's answer. */

export const transferRequestStatusSchema = z.enum(transferRequestStatuses);

/** What a guardian sends: the child's enrollment, the session to move to, its first date and a note for the school. */
export const createTransferRequestBody = z.object({
  subscriptionId: idSchema.describe("The child's enrollment to move"),
  targetSessionId: idSchema.describe('The session to move to'),
  firstSessionDate: localDateSchema.describe('The first date in the new session: one of its coming dates (after today)'),
  note: z.string().trim().max(NOTE_MAX_LENGTH, `must be at most ${NOTE_MAX_LENGTH} characters`).default(''),
});
export type CreateTransferRequestInput = z.output<typeof createTransferRequestBody>;

export const transferRequestDto = z.object({
  id: idSchema,
  status: transferRequestStatusSchema,
  subscriptionId: idSchema,
  clientId: idSchema,
  childName: z.string(),
  familyId: idSchema,
  familyName: z.string(),
  guardianName: z.string().describe('The guardian who asked'),
  from: z.object({ sessionId: idSchema, sessionName: z.string() }),
  to: z.object({ sessionId: idSchema, sessionName: z.string() }),
  firstSessionDate: z.string(),
  note: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.enum(['staff', 'rules', 'guardian']).nullable().describe("Who decided: staff, the organization's rules, or the guardian (withdrawn)"),
  decisionReason: z.string().nullable().describe('Why it was declined or refused'),
  transferId: idSchema.nullable(),
});
export type TransferRequestDto = z.infer<typeof transferRequestDto>;

/** A request as staff open it: with the transfer date its approval would use today (the dialog's pre-fill). */
export const transferRequestDetailDto = transferRequestDto.extend({
  transferDate: z.string().nullable().describe('The date the child would leave the current session if approved today; null when no date is left'),
  changed: z.string().nullable().describe('Why the request can no longer be approved (its enrollment changed), or null'),
  subscription: z.object({ startsOn: z.string(), endsOn: z.string().nullable() }).describe("The enrollment's period, so the dialog offers the old end among its dates"),
});
export type TransferRequestDetailDto = z.infer<typeof transferRequestDetailDto>;

export const transferRequestListQuery = pageQuerySchema.extend({ status: transferRequestStatusSchema.default('pending') });
export const transferRequestPageDto = z.object({
  items: z.array(transferRequestDto),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export const pendingCountDto = z.object({ pending: z.number().int() });

export const familyTransferRequestsDto = z.object({ items: z.array(transferRequestDto) });

export const declineTransferRequestBody = z.object({ reason: reasonSchema.describe('Why, as the guardian will read it') });

/** What creating a request did: waiting for staff, or approved at once by the organization's rules. */
export const createdTransferRequestDto = z.object({ request: transferRequestDto });
export type CreatedTransferRequestDto = z.infer<typeof createdTransferRequestDto>;

/** The sessions a guardian may move a child's enrollment to, as a parent needs them. */
export const portalTransferTargetsQuery = z.object({
  from: localDateSchema.optional().describe('Dates from this day on (default: tomorrow); never today or earlier'),
});
export const portalTransferTargetDto = z.object({
  sessionId: idSchema,
  sessionName: z.string(),
  serviceName: z.string(),
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  durationMinutes: z.number().int(),
  locationName: z.string(),
  price: z.number().int(),
  paymentPlan: z.string(),
  freeSeats: z.number().int().describe('Free seats on the first date that can be chosen'),
  full: z.boolean().describe('No coming date can be chosen: full (or not meeting)'),
  dates: z
    .array(z.object({ date: z.string(), freeSeats: z.number().int(), selectable: z.boolean().describe('A seat is free from this date on') }))
    .describe('The coming real dates (cancelled ones left out)'),
});
export const portalTransferTargetsDto = z.object({
  subscriptionId: idSchema,
  childName: z.string(),
  sessionName: z.string(),
  currency: z.string(),
  targets: z.array(portalTransferTargetDto),
});
export type PortalTransferTargetsDto = z.infer<typeof portalTransferTargetsDto>;
