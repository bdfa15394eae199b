import { http } from '../../../api/http';
import type { AttendanceDto, AttendanceInput, RosterDto, SessionDatesDto } from '../../../api/types';

export function fetchSessionDates(sessionId: string, range: { from: string; to: string }) {
  return http.get<SessionDatesDto>(`/api/sessions/${sessionId}/dates`, range);
}

export function fetchRoster(sessionId: string, date: string) {
  return http.get<RosterDto>(`/api/sessions/${sessionId}/roster`, { date });
}

export function markAttendance(sessionId: string, mark: AttendanceInput) {
  return http.put<AttendanceDto>(`/api/sessions/${sessionId}/attendance`, mark);
}
