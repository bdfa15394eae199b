import { http } from '../../../api/http';
import type { MeDto } from '../../../api/types';

/** Who is signed in, their role and permissions, and for which organization (GET /api/me). */
export function fetchCurrentSession(): Promise<MeDto> {
  return http.get<MeDto>('/api/me');
}

export function signIn(credentials: { email: string; password: string }) {
  return http.post<unknown>('/api/auth/sign-in/email', credentials);
}

export function signOut() {
  return http.post<unknown>('/api/auth/sign-out');
}
