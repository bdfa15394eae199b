import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { refreshEnrollmentViews } from '../../../api/query-keys';
import type { FinishInput, TransferRequest } from '../../../api/types';
import { createTransfer } from '../api/transfers-api';

/**
 * Makes the transfer under one Idempotency-Key per checkout: a double click or a retry after a
 * timeout sends the same key, so the server makes one transfer. (A refused request stores no key,
 * so correcting the form and finishing again with the same key is fine.)
 */
export function useCreateTransfer() {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TransferRequest & { finish: FinishInput; transferRequestId?: string }) => createTransfer(request, idempotencyKey),
    onSuccess: () => refreshEnrollmentViews(queryClient),
  });
}

/** crypto.randomUUID exists only on https or localhost; a front desk on plain http over the LAN still needs a key. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
