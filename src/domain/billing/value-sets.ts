/**
 * The closed sets of billing values, listed once: the database enums, the API schemas and
 * the domain's types all come from these arrays, so adding a value is one edit.
 */

/** How a session is billed (DESIGN.md "Billing"). */
export const paymentPlans = ['full_session', 'monthly', 'per_visit'] as const;
export type PaymentPlan = (typeof paymentPlans)[number];

/** How money was received. */
export const paymentMethods = ['cash', 'check', 'card', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const invoiceStatuses = ['open', 'paid', 'closed', 'void'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export const discountKinds = ['amount', 'percent'] as const;
export type DiscountKind = (typeof discountKinds)[number];

/** Checkout's three finish buttons: Enroll and Pay Now, Pay Later, Close Now. */
export const checkoutFinishKinds = ['pay_now', 'pay_later', 'close_now'] as const;
export type CheckoutFinishKind = (typeof checkoutFinishKinds)[number];

/** What a family-ledger entry records (DESIGN.md "Family ledger"). */
export const ledgerEntryKinds = [
  'charge',
  'discount',
  'payment',
  'refund',
  'write_off',
  'void',
  'reopen',
  'account_credit',
  'account_credit_applied',
] as const;
export type LedgerEntryKind = (typeof ledgerEntryKinds)[number];

/** How amounts are written for a person: the organization's currency and locale. */
export interface MoneyDisplay {
  currency: string;
  locale: string;
}
