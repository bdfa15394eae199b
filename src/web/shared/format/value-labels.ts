import type { Role } from '../../../domain/access/permissions';
import {
  discountKinds,
  paymentMethods,
  paymentPlans,
  type CheckoutFinishKind,
  type DiscountKind,
  type PaymentMethod,
  type PaymentPlan,
} from '../../../domain/billing/value-sets';

/**
 * One label for each value of the domain's closed sets. Each map is a Record over the whole
 * set, so a value added in the domain does not compile here until it has its label.
 */

export const paymentPlanLabels: Record<PaymentPlan, string> = {
  monthly: 'Monthly',
  per_visit: 'Per visit',
  full_session: 'Full session',
};

/** How a price reads next to its plan: "$80.00 per month". */
export const pricePer: Record<PaymentPlan, string> = {
  monthly: 'per month',
  per_visit: 'per visit',
  full_session: 'for the whole session',
};

export const paymentMethodLabels: Record<PaymentMethod, string> = {
  cash: 'Cash',
  check: 'Check',
  card: 'Card',
  other: 'Other',
};

export const discountKindLabels: Record<DiscountKind, string> = {
  amount: 'Amount',
  percent: 'Percent',
};

/** How a transfer's checkout ended, as its history entry says it: "Checkout: paid now". */
export const checkoutFinishLabels: Record<CheckoutFinishKind, string> = {
  pay_now: 'paid now',
  pay_later: 'to pay later',
  close_now: 'closed without collecting',
};

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  manager: 'Manager',
  front_desk: 'Front desk',
  instructor: 'Instructor',
};

/** A select's options for a closed set: every value in the domain's order, each with its one label. */
export function optionsOf<Value extends string>(values: readonly Value[], labels: Record<Value, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const paymentPlanOptions = optionsOf(paymentPlans, paymentPlanLabels);
export const paymentMethodOptions = optionsOf(paymentMethods, paymentMethodLabels);
export const discountKindOptions = optionsOf(discountKinds, discountKindLabels);
