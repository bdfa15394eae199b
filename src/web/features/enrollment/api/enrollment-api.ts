import { http } from '../../../api/http';
import type { SubscriptionDto } from '../../../api/types';

/** Ends a subscription: the client no longer attends from `date` on. */
export function unenroll(subscriptionId: string, date: string) {
  return http.post<SubscriptionDto>(`/api/subscriptions/${subscriptionId}/unenroll`, { date });
}
