import { z } from 'zod';
import { discountKinds, invoiceStatuses, ledgerEntryKinds, paymentMethods } from '../domain/billing/value-sets.js';
import { idSchema, localDateSchema, moneySchema, reasonSchema } from './fields.js';

export const invoiceStatusSchema = z.enum(invoiceStatuses);
export const paymentMethodSchema = z.enum(paymentMethods);

/** One line of an invoice: what it bills, for which period (end exclusive), and how it is counted. */
export const invoiceLineDto = z.object({
  description: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable().describe('Exclusive'),
  quantityNumerator: z.number().int(),
  quantityDenominator: z.number().int(),
  unitAmount: z.number().int(),
  amount: z.number().int(),
});
export type InvoiceLineDto = z.infer<typeof invoiceLineDto>;

/** A discount as applied to an invoice: its kind, the percent when it is one, the amount it took off. */
export const appliedDiscountDto = z.object({
  kind: z.enum(discountKinds),
  basisPoints: z.number().int().nullable(),
  amount: z.number().int(),
  reason: z.string(),
});

/** The shared money field, above zero (a refinement, so a negative amount gets one message, not two). */
const positiveMoneySchema = moneySchema.refine((amount) => amount !== 0, 'must be more than zero');

/** A discount staff add, at checkout or to an open invoice: an amount or a percent, with a reason. */
export const discountBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('amount'),
      amount: positiveMoneySchema.describe('Minor units (cents), more than zero and at most what is left of the total'),
      reason: reasonSchema,
    }),
    z.object({
      kind: z.literal('percent'),
      basisPoints: z
        .number({ message: 'must be a percent in basis points, e.g. 1500 for 15 %' })
        .int('must be a whole number of basis points (1500 = 15 %)')
        .min(1, 'must be more than zero')
        .max(10_000, 'must be at most 10000 (100 %)')
        .describe('1500 = 15 %'),
      reason: reasonSchema,
    }),
  ],
  { message: 'must be "amount" or "percent"' },
);
export type DiscountInput = z.output<typeof discountBody>;

/** Checkout's three finish buttons: Enroll and Pay Now, Pay Later, Close Now (enrollment and transfer alike). */
export const finishSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pay_now'),
    amount: moneySchema,
    method: paymentMethodSchema,
    reference: z.string().trim().max(200).nullish(),
  }),
  z.object({ kind: z.literal('pay_later'), dueOn: localDateSchema.nullish() }),
  z.object({ kind: z.literal('close_now'), reason: reasonSchema }),
]);

export type CheckoutFinishInput = z.output<typeof finishSchema>;

export const invoiceDto = z.object({
  id: idSchema,
  familyId: idSchema,
  subscriptionId: idSchema.nullable(),
  clientName: z.string().nullable().describe("The child the invoice bills for (its subscription's client); null for a family invoice"),
  status: invoiceStatusSchema,
  issuedOn: z.string(),
  dueOn: z.string(),
  periodStart: z.string().nullable().describe("The billing period's first day (a month's 1st, or a series' start); null on an invoice of no subscription"),
  periodEnd: z.string().nullable().describe('Exclusive'),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  total: z.number().int(),
  paid: z.number().int().describe('Payments less refunds'),
  credited: z.number().int().describe("The family's account credit applied to this invoice"),
  writtenOff: z.number().int(),
  amountDue: z.number().int().describe('total − paid − credited − written off; 0 for a void invoice'),
  lines: z.array(invoiceLineDto),
  discounts: z.array(appliedDiscountDto),
  payments: z.array(
    z.object({
      id: idSchema,
      amount: z.number().int(),
      refunded: z.number().int().describe('How much of this payment was refunded'),
      method: paymentMethodSchema,
      reference: z.string().nullable(),
      receivedAt: z.string(),
    }),
  ),
  refunds: z.array(
    z.object({ id: idSchema, paymentId: idSchema, amount: z.number().int(), method: paymentMethodSchema, reason: z.string(), refundedAt: z.string() }),
  ),
  creditsApplied: z.array(z.object({ amount: z.number().int(), appliedAt: z.string() })),
  writeOffs: z.array(z.object({ amount: z.number().int(), reason: z.string(), writtenOffAt: z.string() })),
});
export type InvoiceDto = z.infer<typeof invoiceDto>;

export const familyBalanceDto = z.object({
  familyId: idSchema,
  currency: z.string(),
  balance: z
    .number()
    .int()
    .describe("The family's balance in minor units, the sum of its ledger: what its invoices still ask for, less the account credit it holds"),
  accountCredit: z.number().int().describe('Account credit the family holds, not yet applied to an invoice'),
  invoices: z.array(invoiceDto),
});
export type FamilyBalanceDto = z.infer<typeof familyBalanceDto>;

export const paymentBody = z.object({
  amount: positiveMoneySchema.describe('Minor units (cents), more than zero and at most the amount due'),
  method: paymentMethodSchema,
  reference: z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .nullable()
    .default(null)
    .describe('A check number, card slip or receipt number'),
});
export type PaymentInput = z.output<typeof paymentBody>;


export const writeOffBody = z.object({
  reason: reasonSchema,
  amount: positiveMoneySchema.optional().describe('Minor units (cents), more than zero; defaults to the whole amount due'),
});
export type WriteOffInput = z.output<typeof writeOffBody>;

export const voidBody = z.object({ reason: reasonSchema });
export type VoidInput = z.output<typeof voidBody>;

export const refundBody = z.object({
  paymentId: idSchema.describe('The payment to refund (one of the invoice’s payments)'),
  amount: positiveMoneySchema.optional().describe('Minor units; defaults to all of the payment not yet refunded'),
  method: paymentMethodSchema.describe('How the money goes back'),
  reason: reasonSchema,
});
export type RefundInput = z.output<typeof refundBody>;

export const applyCreditBody = z.object({
  amount: positiveMoneySchema.optional().describe('Minor units; defaults to as much as is due and held'),
});
export type ApplyCreditInput = z.output<typeof applyCreditBody>;

export const accountCreditBody = z.object({
  amount: positiveMoneySchema.describe('Minor units added to the family’s account credit'),
  reason: reasonSchema,
});
export type AccountCreditInput = z.output<typeof accountCreditBody>;

/** A family-ledger entry as a statement shows it. */
export const ledgerEntryDto = z.object({
  id: idSchema,
  occurredOn: z.string(),
  at: z.string().describe('Instant, ISO 8601 UTC'),
  kind: z.enum(ledgerEntryKinds),
  description: z.string(),
  invoiceId: idSchema.nullable(),
  amount: z.number().int().describe('Signed: what the family owes goes up (+) or down (−)'),
  balance: z.number().int().describe('The running balance after this entry'),
  actorName: z.string().nullable(),
});
export type LedgerEntryDto = z.infer<typeof ledgerEntryDto>;

export const statementQuery = z
  .object({
    from: localDateSchema,
    to: localDateSchema.describe('Exclusive'),
    format: z.enum(['json', 'csv']).default('json').describe('csv answers text/csv'),
  })
  .refine((r) => r.to > r.from, { message: 'must be after the start of the range', path: ['to'] });
export type StatementQuery = z.output<typeof statementQuery>;

export const statementDto = z.object({
  familyId: idSchema,
  familyName: z.string(),
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  openingBalance: z.number().int(),
  closingBalance: z.number().int(),
  entries: z.array(ledgerEntryDto),
});
export type StatementDto = z.infer<typeof statementDto>;

/** The organization's billing settings (DESIGN.md "Billing"). */
export const billingSettingsDto = z.object({
  invoiceIssueDaysBefore: z.number().int().describe('The run issues a period’s invoices this many days before it starts (default 7)'),
  invoiceDueDay: z.number().int().describe('Invoices are due on this day of the period’s month (default the 1st)'),
  applyAccountCreditAutomatically: z.boolean().describe('The run applies a family’s account credit to the invoices it issues'),
  autoApproveTransferRequests: z
    .boolean()
    .describe('A guardian’s transfer request is approved at once (Pay Later) when it keeps the service and the price, a seat is free and nothing is back-dated'),
});
export type BillingSettingsDto = z.infer<typeof billingSettingsDto>;
export const billingSettingsBody = z.object({
  invoiceIssueDaysBefore: z.number().int().min(0, 'must be 0 or more days').max(60, 'must be at most 60 days').optional(),
  invoiceDueDay: z.number().int().min(1, 'must be a day from 1 to 28').max(28, 'must be a day from 1 to 28').optional(),
  applyAccountCreditAutomatically: z.boolean().optional(),
  autoApproveTransferRequests: z.boolean().optional(),
});
export type BillingSettingsInput = z.output<typeof billingSettingsBody>;

/** What an invoice run did (by hand: npm run invoices:run, or POST /api/invoice-runs). */
export const invoiceRunDto = z.object({
  organizationId: idSchema,
  runOn: z.string(),
  issued: z.number().int().describe('Invoices issued by this run'),
  creditApplied: z.number().int().describe('Account credit applied to them, minor units'),
});
export type InvoiceRunDto = z.infer<typeof invoiceRunDto>;
export const invoiceRunBody = z.object({
  today: localDateSchema.optional().describe('Run as of this date (default: the organization’s today); at most 31 days from today'),
});
