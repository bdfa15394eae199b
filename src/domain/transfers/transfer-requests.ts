import { Temporal } from 'temporal-polyfill';
import { AppError, fieldError } from '../errors.js';
import { writeDate } from '../formatting/intl-formats.js';
import { realSessionDates, type SessionSchedule } from '../schedule/session-dates.js';
import { coversDate, type SubscriptionPeriod } from '../subscriptions/coverage.js';

/**
 * DESIGN.md "The family portal": a guardian asks to move a child's enrollment to another
 * session from a first date; staff approve it through the normal transfer (or the
 * organization's rules do), or decline it. Pure: the rules a request must follow, the
 * transfer date it implies, and the sentences a parent reads when one is refused.
 */

export const transferRequestStatuses = ['pending', 'approved', 'declined', 'withdrawn', 'refused'] as const;
export type TransferRequestStatus = (typeof transferRequestStatuses)[number];

export const NOTE_MAX_LENGTH = 1000;

/** The child's enrollment as a request sees it. */
export interface RequestedEnrollment {
  childName: string;
  sessionName: string;
  schedule: SessionSchedule;
  period: SubscriptionPeriod;
  status: 'active' | 'void';
  /** A completed transfer that already ended it. */
  endedByTransfer: boolean;
}

/** How far ahead a request's dates are searched: a parent picks from the coming weeks. */
const LOOK_AHEAD_DAYS = 62;

/**
 * Why this enrollment cannot be moved by a request any more, in a parent's words, or null when
 * it still can: a request moves a live, ongoing enrollment, the one the guardian saw. An
 * enrollment a transfer ended, one that was cancelled or undone, and one given an end are not
 * that enrollment any more.
 */
export function enrollmentChange(e: RequestedEnrollment, locale: string): string | null {
  const what = `${e.childName}'s enrollment in ${e.sessionName}`;
  if (e.endedByTransfer) return `${what} was moved to another session since you asked; ask again if you still want a change.`;
  if (e.status === 'void') return `${what} was cancelled since you asked; ask again if you still want a change.`;
  if (e.period.endsOn !== null) {
    return `${what} was changed since you asked (it now ends on ${writeDate(e.period.endsOn, locale)}); ask again if you still want a change.`;
  }
  return null;
}

/**
 * The enrollment is one a guardian may ask to move: live and ongoing, not ended by a transfer,
 * with a date still to come. Said before the request exists, so "since you asked" is not.
 */
export function assertMovableByRequest(e: RequestedEnrollment, o: { today: Temporal.PlainDate; locale: string }): void {
  const what = `${e.childName}'s enrollment in ${e.sessionName}`;
  const field = 'body.subscriptionId';
  if (e.endedByTransfer) throw fieldError('REQUEST_NOT_POSSIBLE', `${what} was already moved to another session; choose the current one.`, field, 'already moved');
  if (e.status === 'void') throw fieldError('REQUEST_NOT_POSSIBLE', `${what} was cancelled, so there is nothing to move.`, field, 'cancelled');
  if (e.period.endsOn !== null) {
    throw fieldError(
      'REQUEST_NOT_POSSIBLE',
      `${what} ends on ${writeDate(e.period.endsOn, o.locale)}, so it cannot be moved from the portal; please ask the school.`,
      field,
      'this enrollment has an end date',
    );
  }
}

/**
 * The first date is a day the guardian may choose: strictly after the organization's today
 * (guardians never back-date, and today's class may already have happened).
 */
export function assertFutureFirstDate(o: { firstSessionDate: Temporal.PlainDate; today: Temporal.PlainDate; locale: string }): void {
  if (Temporal.PlainDate.compare(o.firstSessionDate, o.today) > 0) return;
  throw fieldError(
    'INVALID_DATE_RANGE',
    `The first date must be after today (${writeDate(o.today, o.locale)}); choose one of the coming dates.`,
    'body.firstSessionDate',
    'must be a coming date',
  );
}

/**
 * The date the child leaves the current session when the request is carried out (the transfer
 * date, which is also the old enrollment's end): its last date not after the new first date, so
 * a weekly class is swapped for another in the same week, never attended twice or skipped. When
 * that date has passed (today or earlier) the child leaves from its next date instead. Null when
 * the enrollment has no date left.
 */
export function requestTransferDate(o: {
  enrollment: Pick<RequestedEnrollment, 'schedule' | 'period'>;
  firstSessionDate: Temporal.PlainDate;
  today: Temporal.PlainDate;
}): Temporal.PlainDate | null {
  const { schedule, period } = o.enrollment;
  const from = o.today.add({ days: 1 });
  const until = (Temporal.PlainDate.compare(o.firstSessionDate, from) > 0 ? o.firstSessionDate : from).add({ days: LOOK_AHEAD_DAYS });
  const coming = realSessionDates({ ...schedule, from, to: until }).filter((date) => coversDate({ period, date }));
  const notAfterFirst = coming.filter((d) => Temporal.PlainDate.compare(d, o.firstSessionDate) <= 0);
  return notAfterFirst.at(-1) ?? coming[0] ?? null;
}

/** The organization's rule for approving without staff (DESIGN.md: same service, same price, a seat free, not back-dated). */
export function autoApproval(o: {
  enabled: boolean;
  from: { serviceId: string; price: number };
  to: { serviceId: string; price: number };
  /** The transfer planned without a capacity override succeeded. */
  seatFree: boolean;
  backDated: boolean;
}): { approve: true } | { approve: false; because: string } {
  if (!o.enabled) return { approve: false, because: 'the organization approves requests itself' };
  if (o.from.serviceId !== o.to.serviceId) return { approve: false, because: 'another service' };
  if (o.from.price !== o.to.price) return { approve: false, because: 'another price' };
  if (!o.seatFree) return { approve: false, because: 'no free seat' };
  if (o.backDated) return { approve: false, because: 'back-dated' };
  return { approve: true };
}

/**
 * A refusal of the transfer planning, reworded for a parent: the planner speaks to staff ("the
 * client", "a manager can enroll beyond capacity"); a guardian reads about their child and what
 * to choose instead. Codes, fields and facts stay as they were.
 */
export function forParent(error: AppError, o: { childName: string; targetName: string; locale: string }): AppError {
  const sentence = parentSentences(error, o);
  return sentence ? new AppError(error.code, sentence, { ...error.facts, fields: error.fields }) : error;
}

function parentSentences(error: AppError, o: { childName: string; targetName: string; locale: string }): string | null {
  const suggested = typeof error.facts.suggestedDate === 'string' ? ` such as ${writeDate(error.facts.suggestedDate, o.locale)}` : '';
  switch (error.code) {
    case 'CAPACITY_FULL':
      return `${o.targetName} has no free seat from that date; choose another date or session.`;
    case 'SAME_SESSION':
      return `${o.childName} is already in ${o.targetName}; choose a different session.`;
    case 'ALREADY_ENROLLED':
      return `${o.childName} is already enrolled in ${o.targetName} then; choose another session.`;
    case 'NOT_A_SESSION_DATE':
      return `${o.targetName} does not meet on that date; choose one of its coming dates${suggested}.`;
    case 'INVALID_DATE_RANGE':
      return `The first date is too early for this enrollment; choose a later date${suggested}.`;
    default:
      return null;
  }
}
