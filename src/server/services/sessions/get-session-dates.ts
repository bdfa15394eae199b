import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { AppError } from '../../../domain/errors.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { sessionDatesWithEnrollment, toSessionDateDto } from '../schedule/session-dates-with-enrollment.js';
import { findSession } from './session-service.js';

const MAX_DAYS = 400;

/** A session's dates in a range, with enrolled count and free seats on each. */
export async function getSessionDates(db: Database, organization: OrganizationContext, sessionId: string, range: { from: string; to: string }) {
  const from = Temporal.PlainDate.from(range.from);
  const to = Temporal.PlainDate.from(range.to);
  if (from.until(to).days > MAX_DAYS) {
    throw new AppError('INVALID_DATE_RANGE', `Ask for at most ${MAX_DAYS} days at a time.`, {
      fields: [{ field: 'querystring.to', message: `at most ${MAX_DAYS} days after the start` }],
    });
  }
  const session = await findSession(db, organization, sessionId);
  const dates = await sessionDatesWithEnrollment(db, organization, [session], { from, to });
  return { sessionId, dates: dates.map(toSessionDateDto) };
}
