import { useMutation } from '@tanstack/react-query';
import type { AttendanceInput } from '../../../api/types';
import { markAttendance } from '../api/session-dates-api';

export function useMarkAttendance(sessionId: string) {
  return useMutation({
    mutationFn: (mark: AttendanceInput) => markAttendance(sessionId, mark),
  });
}
