import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { sessionRepository } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository } from '../../../db/repositories/subscription-repository.js';
import { AppError } from '../../../domain/errors.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import type { SubscriptionDto, UnenrollInput } from '../../../contracts/enrollment.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';
import { endSubscription } from './end-subscription.js';
import { toSubscriptionDto } from './subscription-dto.js';

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
    const schedule = (await loadSessionSchedules(tx, organization, [session])).get(session.id)!;
    const { ended, voidedInvoiceIds } = await endSubscription(tx, {
      organizationId: organization.id,
      locale: organization.locale,
      subscription,
      sessionName: session.name,
      schedule,
      date: Temporal.PlainDate.from(input.date),
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
    return { ...after, voidedInvoiceIds };
  });
}
