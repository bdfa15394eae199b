import { z } from 'zod';
import { invoiceDto } from './billing.js';
import { clientDto, familyDto, guardianDto } from './families.js';
import { subscriptionDto } from './enrollment.js';
import { idSchema } from './fields.js';
import { transferDto } from './transfers.js';



export const clientProfileDto = z.object({
  client: clientDto,
  family: familyDto,
  guardians: z.array(guardianDto),
  currency: z.string(),
  subscriptions: z.array(
    subscriptionDto.extend({
      sessionName: z.string(),
      serviceName: z.string(),
      state: z.enum(['upcoming', 'active', 'ended', 'void']),
    }),
  ),
  invoices: z.array(invoiceDto),
  transfers: z
    .array(
      transferDto.extend({
        undo: z
          .object({ possible: z.boolean(), why: z.string().nullable().describe('What undoing needs, for a person, when it is not possible now') })
          .describe('Whether the staff member asking could undo it now'),
      }),
    )
    .describe('Transfers of this client, newest first'),
  balance: z.number().int().describe("The family's balance in minor units: invoiced − paid − written off"),
  history: z.array(
    z.object({
      id: idSchema,
      at: z.string(),
      action: z.string(),
      entityType: z.string(),
      entityId: idSchema,
      actorUserId: z.string().nullable(),
      actorName: z.string().nullable().describe('Who did it (the staff member’s name); null for the system, e.g. the invoice run'),
      actorRole: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
export type ClientProfileDto = z.infer<typeof clientProfileDto>;
