import { http } from '../../../api/http';
import type { CalendarFeedDto } from '../../../../contracts/calendar-feeds';

export type { CalendarFeedDto };

/** Whose feed: a family's or an instructor's (staff), the signed-in instructor's own, or the portal guardian's family's. */
export type CalendarFeedOwner =
  | { kind: 'family'; id: string }
  | { kind: 'instructor'; id: string }
  | { kind: 'own-instructor' }
  | { kind: 'portal' };

function pathOf(owner: CalendarFeedOwner): string {
  switch (owner.kind) {
    case 'family':
      return `/api/families/${owner.id}/calendar-feed`;
    case 'instructor':
      return `/api/instructors/${owner.id}/calendar-feed`;
    case 'own-instructor':
      return '/api/me/calendar-feed';
    case 'portal':
      return '/api/portal/calendar-feed';
  }
}

export const calendarFeedsApi = {
  show: (owner: CalendarFeedOwner) => http.get<CalendarFeedDto>(pathOf(owner)),
  renew: (owner: CalendarFeedOwner) => http.post<CalendarFeedDto>(pathOf(owner)),
  turnOff: (owner: CalendarFeedOwner) => http.delete<CalendarFeedDto>(pathOf(owner)),
};

export const calendarFeedKey = (owner: CalendarFeedOwner) => ['calendar-feed', owner.kind, 'id' in owner ? owner.id : null] as const;
