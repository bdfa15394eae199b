import type { PaymentPlan } from '../../api/types';

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
