import type { Database } from '../../../db/client.js';
import { messageRepository } from '../../../db/repositories/message-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import type { MessageDetailDto } from '../../../contracts/messages.js';
import { toMessageDetailDto } from './message-dto.js';

export const messageNotFound = () => new AppError('NOT_FOUND', 'No message has this id in your organization.');

/** One message as the recipient reads it, with every try to send it. */
export async function getMessage(db: Database, organization: OrganizationContext, id: string): Promise<MessageDetailDto> {
  const row = await messageRepository.findById(db, organization.id, id);
  if (!row) throw messageNotFound();
  return toMessageDetailDto(row, await messageRepository.attemptsOf(db, organization.id, id));
}
