import { http } from '../../../api/http';
import type { AttendanceDto, RosterDto, SessionDateDto } from '../../../api/types';

export function fetchSessionDates(sessionId: string, range: { from: string; to: string }) {
  return http.get<{ sessionId: string; dates: SessionDateDto[] }>(`/api/sessions/${sessionId}/dates`, range);
}

export function fetchRoster(sessionId: string, date: string) {
  return http.get<RosterDto>(`/api/sessions/${sessionId}/roster`, { date });
}

export function markAttendance(sessionId: string, mark: { date: string; subscriptionId: string; present: boolean }) {
  return http.put<AttendanceDto>(`/api/sessions/${sessionId}/attendance`, mark);
}
