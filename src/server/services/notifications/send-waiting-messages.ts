import type { Database } from '../../../db/client.js';
import { messageRepository, type MessageRow } from '../../../db/repositories/message-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import { canUnsubscribe, maxSendAttempts, retryDelaySeconds } from '../../../domain/notifications/message-facts.js';
import { MailNotAccepted, type MailTransport, type OutgoingMail } from './mail-transport.js';
import { unsubscribeOneClickUrl } from './message-links.js';

export interface SendRound {
  sent: number;
  retrying: number;
  failed: number;
}

export interface SenderOptions {
  /** The address mail comes from (MAIL_FROM); the organization's name is shown as the sender. */
  fromAddress: string;
  batchSize?: number;
  /** How long a sender holds the messages it took; one that crashed lets them go after this. */
  holdSeconds?: number;
  /** Only these organizations' messages (tests that share one database); every organization's otherwise. */
  organizationIds?: readonly string[];
}

/**
 * DESIGN.md "Notifications": sends what waits in the outbox, batch after batch until nothing
 * is due. Each message is taken (so no other sender takes it), handed to the mail server, then
 * its outcome recorded with the attempt. A crash between the mail server's acceptance and the
 * record sends that message again after the hold, with the same Message-ID: a repeat is
 * possible, a loss is not.
 */
export async function sendWaitingMessages(db: Database, transport: MailTransport, o: SenderOptions): Promise<SendRound> {
  const round: SendRound = { sent: 0, retrying: 0, failed: 0 };
  const batchSize = o.batchSize ?? 25;
  for (;;) {
    const taken = await messageRepository.claimWaiting(db, {
      limit: batchSize,
      holdSeconds: o.holdSeconds ?? 120,
      ...(o.organizationIds ? { organizationIds: o.organizationIds } : {}),
    });
    const senders = await organizationRepository.namesByIds(db, [...new Set(taken.map((m) => m.organizationId))]);
    for (const message of taken) {
      const outcome = await sendOne(db, transport, mailOf(message, { name: senders.get(message.organizationId) ?? '', address: o.fromAddress }), message);
      round[outcome] += 1;
    }
    if (taken.length < batchSize) return round;
  }
}

async function sendOne(db: Database, transport: MailTransport, mail: OutgoingMail, message: MessageRow): Promise<keyof SendRound> {
  try {
    const accepted = await transport.send(mail);
    await record(db, message, { kind: 'sent' }, accepted.response);
    return 'sent';
  } catch (error) {
    if (!(error instanceof MailNotAccepted)) throw error;
    if (error.permanent || message.attempts >= maxSendAttempts) {
      await record(db, message, { kind: 'failed' }, error.message);
      return 'failed';
    }
    await record(db, message, { kind: 'retry', retryInSeconds: retryDelaySeconds(message.attempts) }, error.message);
    return 'retrying';
  }
}

const record = (db: Database, ...args: Parameters<typeof messageRepository.recordAttempt> extends [Database, ...infer Rest] ? Rest : never) =>
  db.transaction((tx) => messageRepository.recordAttempt(tx, ...args));

function mailOf(message: MessageRow, from: OutgoingMail['from']): OutgoingMail {
  return {
    from,
    to: { name: message.recipientName, address: message.recipientEmail! },
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody,
    messageId: message.messageId,
    unsubscribeUrl: canUnsubscribe(message) ? unsubscribeOneClickUrl(message.id) : null,
  };
}
