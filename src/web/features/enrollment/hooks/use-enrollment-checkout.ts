import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { EnrollInput, EnrollPreviewDto, EnrollPreviewInput } from '../../../../contracts/enrollment';
import { refreshBillingViews, refreshEnrollmentViews } from '../../../api/query-keys';
import { newIdempotencyKey } from '../../transfers/hooks/use-create-transfer';
import { enroll, previewEnrollment } from '../api/enrollment-api';

export type EnrollmentPreview = ReturnType<typeof useEnrollmentPreview>;

/**
 * The server's first invoice for the enrollment chosen so far, asked again whenever the choice
 * or the discounts change (never cached: seats and prices change). `lastGood` keeps the last
 * answer on screen through a refusal, so the discount that caused it can be removed.
 */
export function useEnrollmentPreview(request: EnrollPreviewInput | null) {
  const query = useQuery({
    queryKey: ['enrollment-preview', request],
    queryFn: () => previewEnrollment(request!),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 0,
  });
  const [lastGood, setLastGood] = useState<EnrollPreviewDto | undefined>(undefined);
  useEffect(() => {
    if (query.data && !query.isPlaceholderData) setLastGood(query.data);
  }, [query.data, query.isPlaceholderData]);
  return {
    data: query.isPlaceholderData ? undefined : query.data,
    lastGood: query.data ?? lastGood,
    error: query.error,
    updating: query.isFetching || query.isPlaceholderData,
  };
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
