import type { Database } from '../../../db/client.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { messageRepository } from '../../../db/repositories/message-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import { AppError } from '../../../domain/errors.js';
import type { MessageListQuery, MessagePageDto } from '../../../contracts/messages.js';
import { toMessageDto } from './message-dto.js';

/** The organization's outbox, newest first, optionally only one status (a manager looks for failed ones). */
export async function listOutbox(db: Database, organization: OrganizationContext, query: MessageListQuery): Promise<MessagePageDto> {
  const page = await messageRepository.list(db, organization.id, { status: query.status }, query);
  return { ...page, items: page.items.map(toMessageDto) };
}

/** What a family was sent (and what was held back, with why), for its page. */
export async function listFamilyMessages(
  db: Database,
  organization: OrganizationContext,
  familyId: string,
  query: MessageListQuery,
): Promise<MessagePageDto> {
  if (!(await familyRepository.findById(db, organization.id, familyId))) throw new AppError('NOT_FOUND', 'No family has this id in your organization.');
  const page = await messageRepository.list(db, organization.id, { familyId, status: query.status }, query);
  return { ...page, items: page.items.map(toMessageDto) };
}
