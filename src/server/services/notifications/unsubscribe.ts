import type { Database } from '../../../db/client.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { messageRepository } from '../../../db/repositories/message-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import { AppError } from '../../../domain/errors.js';
import { canUnsubscribe, messageKindNames, type OptionalMessageKind } from '../../../domain/notifications/message-facts.js';
import { todayIn } from '../../../domain/time/today.js';
import type { UnsubscribeDto } from '../../../contracts/messages.js';
import { setGuardianPreferences } from './message-preferences.js';

const unknownLink = () =>
  new AppError('NOT_FOUND', 'This unsubscribe link is not known here: it may have been cut short. Open it again from the email, or ask the school to change your choices.');

/**
 * The guardian a message went to and the kind it was: the link in every email names only the
 * message, whose random id is the proof its reader received it.
 */
async function linkOf(db: Database, messageId: string) {
  const found = await messageRepository.findForUnsubscribe(db, messageId);
  if (!found || !canUnsubscribe({ recipientKind: found.message.recipientKind, kind: found.message.kind })) throw unknownLink();
  const guardian = await guardianRepository.findById(db, found.message.organizationId, found.message.recipientId);
  if (!guardian) throw unknownLink();
  return { ...found, guardian, kind: found.message.kind as OptionalMessageKind };
}

/** What the link would turn off, for the page that asks the reader to confirm. */
export async function describeUnsubscribe(db: Database, messageId: string): Promise<UnsubscribeDto> {
  const link = await linkOf(db, messageId);
  return {
    organizationName: link.organizationName,
    recipientName: link.guardian.name,
    kind: link.kind,
    kindName: messageKindNames[link.kind],
    unsubscribed: link.guardian.mutedMessageKinds.includes(link.kind),
  };
}

/** Turns the message's kind off for its guardian (RFC 8058 one-click, or the page's button); doing it twice is harmless. */
export async function unsubscribe(db: Database, messageId: string): Promise<UnsubscribeDto> {
  const link = await linkOf(db, messageId);
  const organization = (await organizationRepository.findById(db, link.message.organizationId))!;
  const mutedKinds = [...new Set([...link.guardian.mutedMessageKinds, link.kind])] as OptionalMessageKind[];
  await setGuardianPreferences(db, { ...organization, today: todayIn(organization.timeZone) }, null, link.guardian.id, { mutedKinds });
  return { ...(await describeUnsubscribe(db, messageId)), unsubscribed: true };
}
