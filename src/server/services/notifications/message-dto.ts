import type { MessageAttemptRow, MessageRow } from '../../../db/repositories/message-repository.js';
import type { MessageDetailDto, MessageDto } from '../../../contracts/messages.js';

/** A message as the outbox screens list it. */
export function toMessageDto(row: MessageRow): MessageDto {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    kind: row.kind,
    topic: row.topic,
    about: { type: row.aboutType, id: row.aboutId },
    familyId: row.familyId,
    recipient: { kind: row.recipientKind, id: row.recipientId, name: row.recipientName, email: row.recipientEmail },
    subject: row.subject,
    status: row.status,
    statusNote: row.statusNote,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** One message with the text the recipient reads and every try to send it. */
export function toMessageDetailDto(row: MessageRow, attempts: readonly MessageAttemptRow[]): MessageDetailDto {
  // An account email holds a sign-in or reset link meant for its recipient alone: staff see that it went, not the link.
  const hidden = row.kind === 'account';
  const hiddenText = 'This email holds a personal sign-in link; only its recipient reads it.';
  return {
    ...toMessageDto(row),
    text: hidden ? hiddenText : row.textBody,
    html: hidden ? `<p>${hiddenText}</p>` : row.htmlBody,
    attemptLog: attempts.map((a) => ({ at: a.createdAt.toISOString(), outcome: a.outcome as 'sent' | 'retry' | 'failed', detail: a.detail })),
  };
}
