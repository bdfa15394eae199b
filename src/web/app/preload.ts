import type { QueryClient } from '@tanstack/react-query';
import { readAnswer } from '../api/http';
import { queryKeys } from '../api/query-keys';
import type { ClientProfileDto, MeDto, ScheduleDto } from '../api/types';
import { billingApi } from '../features/billing/api/billing-api';
import { fetchSchedule } from '../features/schedule/api/schedule-api';
import { fetchCurrentSession } from '../features/auth/api/auth-api';
import { currentSessionQuery } from '../features/auth/hooks/use-current-session';
import { scheduleQuery } from '../features/schedule/hooks/use-schedule';
import { readScheduleSearch, schedulePeriod } from '../features/schedule/schedule-period';

/** Requests index.html starts before the app's code is there (see its script). */
export interface EarlyRequests {
  me: Promise<Response>;
  /** On the schedule's plain address: this week's session dates as the server counts the week, with the dates it answered for (null if it could not). */
  schedule?: Promise<{ from: string; to: string; response: Promise<Response> } | null>;
  /** On a client's profile: its document. */
  clientProfile?: { clientId: string; response: Promise<Response> };
}

declare global {
  interface Window {
    __earlyRequests?: EarlyRequests;
  }
}

/** The answer of an early request the first time (its body can be read once), a new request after. */
function firstThen<T>(early: Promise<Response> | undefined, fetchAgain: () => Promise<T>): () => Promise<T> {
  let pending = early;
  return () => {
    const answer = pending ? readAnswer<T>(pending) : fetchAgain();
    pending = undefined;
    return answer;
  };
}

/**
 * Starts what the first screen needs before React renders it, side by side instead of one
 * after the other: the session (/api/me) and, when the address is the schedule, the schedule
 * page's code and, as soon as the organization's zone is known, the period's session dates
 * (under the key the page asks for, so they are fetched once). index.html has already asked
 * for the session; its answer is taken here. Nothing here is required: the screens ask for the
 * same when they mount.
 */
export function preloadLanding(o: { queryClient: QueryClient; location: Location; loadSchedulePage: () => Promise<unknown> }) {
  const early = window.__earlyRequests;
  delete window.__earlyRequests;
  if (o.location.pathname === '/login') return;
  // The profile index.html asked for, under the key the page asks for (its code is preloaded by index.html).
  const profile = early?.clientProfile;
  if (profile && o.location.pathname === `/clients/${profile.clientId}`) {
    const profileKey = queryKeys.clientProfile(profile.clientId);
    void o.queryClient
      .prefetchQuery({ queryKey: profileKey, queryFn: () => readAnswer<ClientProfileDto>(profile.response) })
      .then(() => {
        // The family's balance, which the page asks for once it has the profile: asked at once instead.
        const familyId = o.queryClient.getQueryData<ClientProfileDto>(profileKey)?.family.id;
        if (familyId) void o.queryClient.prefetchQuery({ queryKey: queryKeys.familyBalance(familyId), queryFn: () => billingApi.familyBalance(familyId) });
      });
  }
  const landsOnSchedule = o.location.pathname === '/';
  if (landsOnSchedule) o.loadSchedulePage().catch(() => {});
  o.queryClient
    .fetchQuery({ ...currentSessionQuery, queryFn: firstThen<MeDto>(early?.me, fetchCurrentSession) })
    .then((session) => {
      if (!landsOnSchedule) return;
      const search = readScheduleSearch(new URLSearchParams(o.location.search), session.organization.timeZone);
      const period = schedulePeriod(search.view, search.date);
      if (!period) return;
      const query = scheduleQuery(period, search.filters);
      // index.html's answer when it is for this very period (it asks on the plain address alone, so with no filters).
      const earlySchedule = early?.schedule;
      const queryFn = earlySchedule
        ? () =>
            earlySchedule.then((asked) =>
              asked && asked.from === period.from && asked.to === period.to ? readAnswer<ScheduleDto>(asked.response) : fetchSchedule({ ...period, ...search.filters }),
            )
        : query.queryFn;
      void o.queryClient.prefetchQuery({ ...query, queryFn });
    })
    // A failure shows where the screen asks for the same (signed out: the sign-in page).
    .catch(() => {});
}
