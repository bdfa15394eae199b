import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EnrollInput, EnrollPreviewInput } from '../../../../contracts/enrollment';
import { refreshBillingViews, refreshEnrollmentViews } from '../../../api/query-keys';
import { newIdempotencyKey } from '../../transfers/hooks/use-create-transfer';
import { useLivePreview } from '../../transfers/hooks/use-live-preview';
import { enroll, previewEnrollment } from '../api/enrollment-api';

export type EnrollmentPreview = ReturnType<typeof useEnrollmentPreview>;

/** The server's first invoice for the enrollment chosen so far, asked again whenever the choice or the discounts change (use-live-preview.ts). */
export function useEnrollmentPreview(request: EnrollPreviewInput | null) {
  return useLivePreview('enrollment-preview', request, previewEnrollment);
}

/** Enrolls under one Idempotency-Key per checkout: a double click or a retry makes one enrollment. */
export function useEnroll() {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: EnrollInput) => enroll(request, idempotencyKey),
    onSuccess: () => {
      refreshEnrollmentViews(queryClient);
      void refreshBillingViews(queryClient);
    },
  });
}
