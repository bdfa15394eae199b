import { http } from '../../../api/http';
import type { UnenrollInput, UnenrollResultDto } from '../../../api/types';

/** Ends a subscription: the client no longer attends from `date` on. */
export function unenroll(subscriptionId: string, body: UnenrollInput) {
  return http.post<UnenrollResultDto>(`/api/subscriptions/${subscriptionId}/unenroll`, body);
}
