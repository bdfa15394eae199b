import type { QueryClient } from '@tanstack/react-query';

/** Query keys in one place, so a change can refresh every screen that shows it. */
export const queryKeys = {
  schedule: (query: object) => ['schedule', query] as const,
  sessionDates: (sessionId: string, from: string, to: string) => ['session-dates', sessionId, from, to] as const,
  roster: (sessionId: string, date: string) => ['roster', sessionId, date] as const,
  clientProfile: (clientId: string) => ['client-profile', clientId] as const,
  transferTargets: (subscriptionId: string, date: string) => ['transfer-targets', subscriptionId, date] as const,
};

/** Who is enrolled where shows on all of these; refresh them after an enrollment changes. */
export function refreshEnrollmentViews(queryClient: QueryClient) {
  for (const key of ['schedule', 'session-dates', 'roster', 'client-profile', 'transfer-targets', 'sessions']) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}
