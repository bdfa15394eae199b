import { useMutation, useQueryClient } from '@tanstack/react-query';
import { refreshEnrollmentViews } from '../../../api/query-keys';
import { undoTransfer } from '../api/transfers-api';

export function useUndoTransfer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: undoTransfer,
    onSuccess: () => refreshEnrollmentViews(queryClient),
  });
}
