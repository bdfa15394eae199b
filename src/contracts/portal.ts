import { z } from 'zod';
import { invoiceDto, ledgerEntryDto, statementDto } from './billing.js';
import { phoneSchema } from './families.js';
import { idSchema, localDateSchema, nameSchema } from './fields.js';
import { optionalMessageKindSchema } from './messages.js';
import { sessionDateDto } from './sessions.js';
import { organizationDto } from './organization.js';

/** Who is signed in to the family portal: the guardian, their family and the organization that invited them. */
export const portalMeDto = z.object({
  guardian: z.object({ id: idSchema, name: z.string(), email: z.string().nullable() }),
  familyId: idSchema,
  organization: organizationDto,
});
export type PortalMeDto = z.infer<typeof portalMeDto>;

/** A guardian's family-portal invitation as staff see it on the family page. */
export const portalInvitationDto = z.object({
  guardianId: idSchema,
  status: z.enum(['not_invited', 'invited', 'signed_in']).describe('signed_in once the guardian has signed in to the portal at least once (as far as sessions remember)'),
  invitedAt: z.string().nullable().describe('When staff last sent an invitation'),
  lastSignedInAt: z.string().nullable(),
});
export type PortalInvitationDto = z.infer<typeof portalInvitationDto>;

/** One date of a child's class as the family sees it: cancelled dates stay listed as cancelled, moved ones at their new date and time. */
export const portalSessionDateDto = sessionDateDto.pick({ date: true, originalDate: true, status: true, startsAt: true, endsAt: true, localStartTime: true });
export type PortalSessionDateDto = z.infer<typeof portalSessionDateDto>;

/** A child's enrollment (subscription) in a class, with its next dates from today. */
export const portalEnrollmentDto = z.object({
  subscriptionId: idSchema,
  clientId: idSchema,
  sessionId: idSchema,
  sessionName: z.string(),
  serviceName: z.string(),
  weekdays: z.array(z.number().int().min(1).max(7)).describe('ISO weekdays, 1 = Monday'),
  startTime: z.string().describe('Local HH:MM'),
  durationMinutes: z.number().int(),
  locationName: z.string(),
  instructorName: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable().describe('Exclusive; null while ongoing'),
  nextDates: z.array(portalSessionDateDto).describe('The next dates of the class this enrollment covers, from today (up to 8)'),
});
export type PortalEnrollmentDto = z.infer<typeof portalEnrollmentDto>;

export const portalFamilyDto = z.object({
  familyId: idSchema,
  familyName: z.string(),
  today: z.string().describe("The organization's local date the next dates start from"),
  children: z.array(
    z.object({
      id: idSchema,
      firstName: z.string(),
      lastName: z.string(),
      enrollments: z.array(portalEnrollmentDto).describe('Current and upcoming enrollments, by start'),
    }),
  ),
});
export type PortalFamilyDto = z.infer<typeof portalFamilyDto>;

/** An invoice as the family reads it: what it bills, what was paid and what is still due (no staff notes). */
export const portalInvoiceDto = invoiceDto.pick({
  id: true,
  clientName: true,
  status: true,
  issuedOn: true,
  dueOn: true,
  periodStart: true,
  periodEnd: true,
  subtotal: true,
  discountTotal: true,
  total: true,
  paid: true,
  credited: true,
  writtenOff: true,
  amountDue: true,
  lines: true,
});
export type PortalInvoiceDto = z.infer<typeof portalInvoiceDto>;

export const portalInvoicesDto = z.object({
  currency: z.string(),
  balance: z.number().int().describe('What the family owes (the sum of its ledger); negative when it holds more credit than it owes'),
  accountCredit: z.number().int().describe('Account credit held, not yet applied to an invoice'),
  invoices: z.array(portalInvoiceDto).describe('Newest first; void invoices left out'),
});
export type PortalInvoicesDto = z.infer<typeof portalInvoicesDto>;

export const portalStatementQuery = z
  .object({ from: localDateSchema, to: localDateSchema.describe('Exclusive') })
  .refine((r) => r.to > r.from, { message: 'must be after the start of the range', path: ['to'] });
export const portalStatementDto = statementDto.extend({ entries: z.array(ledgerEntryDto.omit({ actorName: true })) });
export type PortalStatementDto = z.infer<typeof portalStatementDto>;

/** The signed-in guardian's own contacts and the kinds of email they turned off. */
export const portalAccountDto = z.object({
  guardianId: idSchema,
  name: z.string(),
  email: z.string().nullable().describe('Changed by staff only'),
  phone: z.string().nullable(),
  mutedKinds: z.array(optionalMessageKindSchema),
});
export type PortalAccountDto = z.infer<typeof portalAccountDto>;

export const portalContactBody = z.object({
  name: nameSchema,
  phone: phoneSchema.nullable(),
  email: z.string().optional().describe('Refused when it differs from the current address: only staff change it (it is the sign-in)'),
});
export type PortalContactInput = z.infer<typeof portalContactBody>;
