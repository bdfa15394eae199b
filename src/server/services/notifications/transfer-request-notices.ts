import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/client.js';
import { recipientRepository } from '../../../db/repositories/recipient-repository.js';
import type { TransferRequestView } from '../../../db/repositories/transfer-request-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { weekdaysAndTime } from '../../../domain/formatting/weekly-time.js';
import { transferRequestApprovedLetter, transferRequestDeclinedLetter } from '../../../domain/notifications/transfer-request-letters.js';
import type { Letter, Writer } from '../../../domain/notifications/messages.js';
import type { MessageTopic } from '../../../domain/notifications/message-facts.js';
import { tell } from './tell.js';

/**
 * DESIGN.md "The family portal": the family of a transfer request hears the answer, in the
 * transaction that gives it (approved with the new session, time and first date; declined or
 * refused with the reason).
 */

const writerOf = (organization: OrganizationContext): Writer => ({
  organizationName: organization.name,
  money: { currency: organization.currency, locale: organization.locale },
});

async function tellFamily(tx: Database, organization: OrganizationContext, view: TransferRequestView, topic: MessageTopic, letter: Letter) {
  const recipients = await recipientRepository.guardiansOfFamily(tx, organization.id, view.request.familyId);
  await tell(tx, organization, [{ topic, about: { type: 'transfer_request', id: view.request.id }, familyId: view.request.familyId, recipients, letterFor: () => letter }]);
}

export async function tellRequestApproved(
  tx: Database,
  organization: OrganizationContext,
  o: { view: TransferRequestView; newSubscriptionId: string; firstDate: string },
): Promise<void> {
  const to = (await recipientRepository.enrollmentFacts(tx, organization.id, [o.newSubscriptionId])).get(o.newSubscriptionId)!;
  const time = weekdaysAndTime({ weekdays: to.weekdays, startTime: Temporal.PlainTime.from(to.startTime), locale: organization.locale });
  const letter = transferRequestApprovedLetter(writerOf(organization), {
    clientName: o.view.childName,
    from: o.view.fromSessionName,
    to: { sessionName: to.sessionName, time, firstDate: Temporal.PlainDate.from(o.firstDate) },
  });
  await tellFamily(tx, organization, o.view, 'transfer_request_approved', letter);
}

export async function tellRequestDeclined(tx: Database, organization: OrganizationContext, o: { view: TransferRequestView; reason: string; refused: boolean }): Promise<void> {
  const letter = transferRequestDeclinedLetter(writerOf(organization), {
    clientName: o.view.childName,
    from: o.view.fromSessionName,
    to: o.view.toSessionName,
    reason: o.reason,
    refused: o.refused,
  });
  await tellFamily(tx, organization, o.view, 'transfer_request_declined', letter);
}
