import { http } from '../../../api/http';

type Role = 'owner' | 'manager' | 'front_desk' | 'instructor';

interface Organization {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  locale: string;
}

/** Who is signed in and for which organization (GET /api/me). */
export interface CurrentSession {
  user: { id: string; name: string; email: string };
  role: Role;
  permissions: string[];
  organization: Organization;
}

export function fetchCurrentSession(): Promise<CurrentSession> {
  return http.get<CurrentSession>('/api/me');
}

export function signIn(credentials: { email: string; password: string }) {
  return http.post<unknown>('/api/auth/sign-in/email', credentials);
}

export function signOut() {
  return http.post<unknown>('/api/auth/sign-out');
}
