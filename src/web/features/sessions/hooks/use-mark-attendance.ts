import { useMutation } from '@tanstack/react-query';
import { markAttendance } from '../api/session-dates-api';

export function useMarkAttendance(sessionId: string) {
  return useMutation({
    mutationFn: (mark: { date: string; subscriptionId: string; present: boolean }) => markAttendance(sessionId, mark),
  });
}
