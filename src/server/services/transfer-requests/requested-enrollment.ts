import type { Database } from '../../../db/client.js';
import { clientRepository } from '../../../db/repositories/client-repository.js';
import type { SessionRow } from '../../../db/repositories/session-repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../../../db/repositories/subscription-repository.js';
import { transferRepository } from '../../../db/repositories/transfer-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import type { RequestedEnrollment } from '../../../domain/transfers/transfer-requests.js';
import { periodOf } from '../schedule/session-dates-with-enrollment.js';
import { loadSessionSchedules } from '../sessions/session-schedule.js';

export interface LoadedEnrollment {
  subscription: SubscriptionRow;
  session: SessionRow;
  familyId: string;
  enrollment: RequestedEnrollment;
}

/**
 * A child's enrollment as a transfer request weighs it. With `familyId` (a guardian asking) an
 * enrollment of another family is not found, as if it did not exist. With `lock`, the
 * enrollment's row is locked, as the transfer locks it first.
 */
export async function loadRequestedEnrollment(
  db: Database,
  organization: OrganizationContext,
  subscriptionId: string,
  o: { lock: boolean; familyId?: string },
): Promise<LoadedEnrollment> {
  const found = await subscriptionRepository.findWithSessionAndFamily(db, organization.id, subscriptionId, { lock: o.lock });
  if (!found || (o.familyId !== undefined && found.familyId !== o.familyId)) {
    throw new AppError('NOT_FOUND', 'No enrollment of your family has this id.', { fields: [{ field: 'body.subscriptionId', message: 'no enrollment of your family has this id' }] });
  }
  const { subscription, session, familyId } = found;
  const client = await clientRepository.findById(db, organization.id, subscription.clientId);
  const schedule = (await loadSessionSchedules(db, organization, [session])).get(session.id)!;
  const endedBy = await transferRepository.findCompletedFrom(db, organization.id, subscription.id);
  return {
    subscription,
    session,
    familyId,
    enrollment: {
      childName: client ? `${client.firstName} ${client.lastName}` : 'Your child',
      sessionName: session.name,
      schedule,
      period: periodOf(subscription),
      status: subscription.status,
      endedByTransfer: endedBy !== undefined,
    },
  };
}
