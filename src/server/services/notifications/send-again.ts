import type { Database } from '../../../db/client.js';
import { auditRepository } from '../../../db/repositories/audit-repository.js';
import { messageRepository } from '../../../db/repositories/message-repository.js';
import type { Actor, OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import type { MessageDetailDto } from '../../../contracts/messages.js';
import { messageNotFound } from './get-message.js';
import { toMessageDetailDto } from './message-dto.js';

/**
 * A manager sends a failed message again (after fixing the address, or once the mail server
 * is back): it waits to be sent at once. Only a failed message: one that is waiting or sent
 * would be sent twice.
 */
export async function sendAgain(db: Database, organization: OrganizationContext, actor: Actor, id: string): Promise<MessageDetailDto> {
  return db.transaction(async (tx) => {
    const current = await messageRepository.findById(tx, organization.id, id);
    if (!current) throw messageNotFound();
    const row = await messageRepository.sendAgain(tx, organization.id, id);
    if (!row) {
      throw new AppError('CONFLICT', `Only a failed message can be sent again; this one is ${statusWords[current.status]}.`);
    }
    await auditRepository.record(tx, {
      organizationId: organization.id,
      actor,
      action: 'message.sent_again',
      entityType: 'message',
      entityId: id,
      clientId: null,
      before: { status: current.status, statusNote: current.statusNote },
      after: { status: row.status },
    });
    return toMessageDetailDto(row, await messageRepository.attemptsOf(tx, organization.id, id));
  });
}

const statusWords: Record<string, string> = {
  pending: 'still waiting to be sent',
  sending: 'being sent right now',
  sent: 'already sent',
  withheld: 'held back on purpose (its kind is turned off, or there is no address)',
  failed: 'failed',
};
