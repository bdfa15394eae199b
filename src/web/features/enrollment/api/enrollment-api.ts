import { http } from '../../../api/http';
import type { EnrollInput, EnrollPreviewDto, EnrollPreviewInput, EnrollResultDto } from '../../../../contracts/enrollment';
import type { UnenrollInput, UnenrollResultDto } from '../../../api/types';

/** Ends a subscription: the client no longer attends from `date` on. */
export function unenroll(subscriptionId: string, body: UnenrollInput) {
  return http.post<UnenrollResultDto>(`/api/subscriptions/${subscriptionId}/unenroll`, body);
}

/** Checkout's first invoice for an enrollment, with the discounts chosen; changes nothing. */
export function previewEnrollment(request: EnrollPreviewInput) {
  return http.post<EnrollPreviewDto>('/api/subscriptions/preview', request);
}

/** The same key on a retry makes the server answer with the first result instead of enrolling twice. */
export function enroll(request: EnrollInput, idempotencyKey: string) {
  return http.post<EnrollResultDto>('/api/subscriptions', request, { 'idempotency-key': idempotencyKey });
}
