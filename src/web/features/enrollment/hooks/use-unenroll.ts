import { useMutation, useQueryClient } from '@tanstack/react-query';
import { refreshEnrollmentViews } from '../../../api/query-keys';
import { unenroll } from '../api/enrollment-api';

export function useUnenroll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ subscriptionId, date }: { subscriptionId: string; date: string }) => unenroll(subscriptionId, { date }),
    onSuccess: () => refreshEnrollmentViews(queryClient),
  });
}
