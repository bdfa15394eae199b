import { z } from 'zod';
import {
  messageKinds,
  messageStatuses,
  messageTopics,
  optionalMessageKinds,
  recipientKinds,
} from '../domain/notifications/message-facts.js';
import { idSchema, pageQuerySchema, pageSchema } from './fields.js';

/** DESIGN.md "Notifications": the outbox as staff see it. */
export const messageStatusSchema = z.enum(messageStatuses);
export const optionalMessageKindSchema = z.enum(optionalMessageKinds);

export const messageDto = z.object({
  id: idSchema,
  createdAt: z.string(),
  kind: z.enum(messageKinds).describe('The choice that governs it: schedule, billing, reminders or account'),
  topic: z.enum(messageTopics),
  about: z.object({ type: z.string(), id: z.string() }),
  familyId: idSchema.nullable(),
  recipient: z.object({ kind: z.enum(recipientKinds), id: z.string(), name: z.string(), email: z.string().nullable() }),
  subject: z.string(),
  status: messageStatusSchema,
  statusNote: z.string().nullable().describe('Why it was withheld or failed, in words for staff'),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable().describe('When a waiting message is tried next'),
  sentAt: z.string().nullable(),
});
export type MessageDto = z.infer<typeof messageDto>;

export const messageDetailDto = messageDto.extend({
  text: z.string().describe('The plain-text part, as the recipient reads it'),
  html: z.string().describe('The HTML part, as the recipient reads it'),
  attemptLog: z.array(z.object({ at: z.string(), outcome: z.enum(['sent', 'retry', 'failed']), detail: z.string() })),
});
export type MessageDetailDto = z.infer<typeof messageDetailDto>;

export const messageListQuery = pageQuerySchema.extend({
  status: messageStatusSchema.optional(),
});
export type MessageListQuery = z.output<typeof messageListQuery>;
export const messagePageDto = pageSchema(messageDto);
export type MessagePageDto = z.infer<typeof messagePageDto>;

/** The kinds of email someone (a guardian) or the whole organization turned off. */
export const messagePreferencesBody = z.object({
  mutedKinds: z.array(optionalMessageKindSchema).max(optionalMessageKinds.length).transform((kinds) => [...new Set(kinds)]),
});
export type MessagePreferencesInput = z.output<typeof messagePreferencesBody>;
export const messagePreferencesDto = z.object({ mutedKinds: z.array(optionalMessageKindSchema) });
export type MessagePreferencesDto = z.infer<typeof messagePreferencesDto>;

/** What an unsubscribe link shows before the reader confirms (a link scanner's GET changes nothing). */
export const unsubscribeDto = z.object({
  organizationName: z.string(),
  recipientName: z.string(),
  kind: optionalMessageKindSchema,
  kindName: z.string(),
  unsubscribed: z.boolean().describe('Whether this kind is already turned off for the reader'),
});
export type UnsubscribeDto = z.infer<typeof unsubscribeDto>;
