import type { QueryClient } from '@tanstack/react-query';

/** Query keys in one place, so a change can refresh every screen that shows it. */
export const queryKeys = {
  schedule: (query: object) => ['schedule', query] as const,
  sessionDates: (sessionId: string, from: string, to: string) => ['session-dates', sessionId, from, to] as const,
  roster: (sessionId: string, date: string) => ['roster', sessionId, date] as const,
  clientProfile: (clientId: string) => ['client-profile', clientId] as const,
  transferTargets: (subscriptionId: string, date: string) => ['transfer-targets', subscriptionId, date] as const,
  familyBalance: (familyId: string) => ['family-balance', familyId] as const,
  invoice: (invoiceId: string) => ['invoice', invoiceId] as const,
  statement: (familyId: string, from: string, to: string) => ['statement', familyId, from, to] as const,
  billingSettings: () => ['billing-settings'] as const,
};

/** Who is enrolled where shows on all of these; refresh them after an enrollment changes. */
export function refreshEnrollmentViews(queryClient: QueryClient) {
  // A transfer may approve a guardian's request: the Requests queue and its badge change too.
  for (const key of ['schedule', 'session-dates', 'roster', 'client-profile', 'transfer-targets', 'sessions', 'transfer-requests']) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}

/**
 * What a family owes shows on all of these; refresh them after a payment, discount, refund or
 * credit. Settles when the screens on view have their new data.
 */
export function refreshBillingViews(queryClient: QueryClient) {
  return Promise.all(
    ['family-balance', 'invoice', 'statement', 'client-profile'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
  );
}
