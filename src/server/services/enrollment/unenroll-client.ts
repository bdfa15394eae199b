import { refuseWaitingRequestOf } from '../transfer-requests/approval.js';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { transferRepository } from '../../../db/repositories/transfer-repository.js';
import { attendanceRepository } from '../../../db/repositories/attendance-repository.js';
import { assertKeepsAttendedDates } from '../../../domain/subscriptions/attended-dates.js';
import { assertMayReachBack, reachesBack } from '../../../domain/time/the-past.js';
import { assertNotEndedByTransfer } from '../../../domain/transfers/chains.js';
import { AppError } from '../../../domain/errors.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { SubscriptionDto, UnenrollInput } from '../../../contracts/enrollment.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';
import { endSubscription } from './end-subscription.js';
import { toSubscriptionDto } from './subscription-dto.js';
import { unenrolledNotices } from '../notifications/notices.js';
import { tell } from '../notifications/tell.js';

/** Unenrolls a client from a session date on: the subscription ends, history stays. */
export async function unenrollClient(
  db: Database,
  organization: OrganizationContext,
  actor: Actor,
  subscriptionId: string,
  input: UnenrollInput,
): Promise<SubscriptionDto & { voidedInvoiceIds: string[] }> {
  return db.transaction(async (tx) => {
    const subscription = await subscriptionRepository.findByIdForUpdate(tx, organization.id, subscriptionId);
    if (!subscription) throw new AppError('NOT_FOUND', 'No enrollment has this id in your organization.');
    const session = (await sessionRepository.findById(tx, organization.id, subscription.sessionId))!;
    const date = Temporal.PlainDate.from(input.date);
    await assertMayEnd(tx, organization, actor, { subscription, sessionName: session.name, date });
    const schedule = (await loadSessionSchedules(tx, organization, [session])).get(session.id)!;
    const { ended, voidedInvoiceIds } = await endSubscription(tx, {
      organizationId: organization.id,
      ledger: { organizationId: organization.id, actorUserId: actor.userId, today: organization.today },
      locale: organization.locale,
      subscription,
      sessionName: session.name,
      schedule,
      date,
    });
    const after = toSubscriptionDto(ended);
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: 'subscription.unenrolled',
      entityType: 'subscription',
      entityId: subscription.id,
      clientId: subscription.clientId,
      before: toSubscriptionDto(subscription),
      after: { ...after, voidedInvoiceIds },
    });
    await tell(tx, organization, await unenrolledNotices(tx, organization, { subscriptionId: subscription.id, endsOn: date }));
    await refuseWaitingRequestOf(tx, organization, actor, subscription.id);
    return { ...after, voidedInvoiceIds };
  });
}

/**
 * What an unenroll may not do (DESIGN.md "Time and roles", "Chains of transfers"): end an
 * enrollment a standing transfer ended (undo the transfer instead), reach before today
 * without a manager, or take the client off a date with recorded attendance.
 */
async function assertMayEnd(
  tx: Database,
  organization: OrganizationContext,
  actor: Actor,
  o: { subscription: SubscriptionRow; sessionName: string; date: Temporal.PlainDate },
) {
  const { locale, today } = organization;
  const endedBy = await transferRepository.findCompletedFrom(tx, organization.id, o.subscription.id);
  assertNotEndedByTransfer({
    endedBy: endedBy ? { transferDate: Temporal.PlainDate.from(endedBy.transferDate) } : null,
    sessionName: o.sessionName,
    locale,
    field: 'body.date',
  });
  const reached = reachesBack({ dates: [{ date: o.date, field: 'body.date' }], today });
  assertMayReachBack({ actor, reached, today, locale, change: 'Unenrolling from this date' });
  const attended = await attendanceRepository.datesRecordedFor(tx, organization.id, o.subscription.id);
  assertKeepsAttendedDates({
    attended: attended.map((d) => Temporal.PlainDate.from(d)),
    endsOn: o.date,
    sessionName: o.sessionName,
    locale,
    field: 'body.date',
  });
}
