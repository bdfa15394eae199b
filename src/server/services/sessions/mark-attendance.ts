import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { attendanceRepository } from '../../../db/repositories/attendance-repository.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { AppError } from '../../../domain/errors.js';
import { writeDate } from '../../../domain/formatting/intl-formats.js';
import { assertNotInFuture } from '../../../domain/time/the-past.js';
import { isRealSessionDate } from '../../../domain/schedule/session-dates.js';
import { coversDate } from '../../../domain/subscriptions/coverage.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { periodOf } from '../schedule/session-dates-with-enrollment.js';
import { loadSessionSchedules } from './session-schedule.js';
import { assertMaySeeRoster } from './own-session.js';
import { findSession } from './session-service.js';

/** Marks a client on a session date's roster present or absent. */
export async function markAttendance(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  sessionId: string,
  input: { date: string; subscriptionId: string; present: boolean },
) {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, organization, sessionId);
    await assertMaySeeRoster(tx, organization.id, actor, session);
    const date = Temporal.PlainDate.from(input.date);
    assertNotInFuture({ date, today: organization.today, locale: organization.locale, field: 'body.date' });
    // Locked, as a transfer or an unenroll locks it: an end and a mark on the same enrollment
    // queue, so an end never lands after a date that is being marked (nor a mark after an end).
    const subscription = await subscriptionRepository.findByIdForUpdate(tx, organization.id, input.subscriptionId);
    // Then the session (the order a transfer's undo takes too): a date being cancelled or moved
    // waits for the mark, or the mark waits and then finds the date gone.
    await findSession(tx, organization, sessionId, true);
    const schedule = (await loadSessionSchedules(tx, organization, [session])).get(session.id)!;
    if (
      !subscription ||
      subscription.sessionId !== session.id ||
      subscription.status !== 'active' ||
      !isRealSessionDate({ ...schedule, date }) ||
      !coversDate({ period: periodOf(subscription), date })
    ) {
      throw new AppError('NOT_ENROLLED_ON_DATE', `This client is not on the roster of ${session.name} on ${writeDate(input.date, organization.locale)}.`, {
        fields: [{ field: 'body.subscriptionId', message: 'not on this roster' }],
      });
    }
    const row = await attendanceRepository.mark(tx, { organizationId: organization.id, ...input });
    const result = { sessionId, subscriptionId: row.subscriptionId, date: row.date, present: row.present === 1 };
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: 'attendance.marked',
      entityType: 'subscription',
      entityId: subscription.id,
      clientId: subscription.clientId,
      after: result,
    });
    return result;
  });
}
