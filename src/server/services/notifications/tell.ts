import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/client.js';
import { messageRepository, type NewMessage } from '../../../db/repositories/message-repository.js';
import { organizationRepository } from '../../../db/repositories/organization-repository.js';
import type { OrganizationContext } from '../../../domain/access/actor.js';
import {
  canUnsubscribe,
  deliveryOf,
  messageKindNames,
  topicKinds,
  type MessageTopic,
  type Recipient,
} from '../../../domain/notifications/message-facts.js';
import { writeMessage, type Letter, type Writer } from '../../../domain/notifications/messages.js';
import { messageIdFor, unsubscribePageUrl } from './message-links.js';

/** Something people should be told about, and who. */
export interface Notice {
  topic: MessageTopic;
  about: { type: string; id: string };
  /** The family whose page lists the message; null for an instructor's or a login's message about no family. */
  familyId: string | null;
  recipients: readonly Recipient[];
  letterFor: (recipient: Recipient) => Letter;
  /** Tell each recipient once per key (a due reminder per invoice and due date). */
  onceKey?: string;
}

/**
 * DESIGN.md "Notifications": writes the outbox rows for these notices. Call inside the
 * transaction of the change they tell about, so a change and its messages commit or vanish
 * together. Rows a guardian or the organization turned off are written as withheld, with why.
 */
export async function tell(tx: Database, organization: OrganizationContext, notices: readonly Notice[]): Promise<void> {
  if (notices.every((n) => n.recipients.length === 0)) return;
  const mutedKinds = (await organizationRepository.messageSettings(tx, organization.id)).mutedMessageKinds;
  await messageRepository.insertMany(tx, outboxRows(organization, notices, mutedKinds));
}

/**
 * The outbox rows `tell` writes, for a writer that inserts them in its own statement (the
 * invoice run writes a batch's invoices and their messages at once) with the organization's
 * muted kinds it has read.
 */
export function outboxRows(organization: OrganizationContext, notices: readonly Notice[], mutedKinds: readonly string[]): NewMessage[] {
  const writer: Writer = { organizationName: organization.name, money: { currency: organization.currency, locale: organization.locale } };
  return notices.flatMap((notice) => notice.recipients.map((recipient) => outboxRow({ organization, writer, mutedKinds, notice, recipient })));
}

function outboxRow(o: { organization: OrganizationContext; writer: Writer; mutedKinds: readonly string[]; notice: Notice; recipient: Recipient }): NewMessage {
  const { notice, recipient } = o;
  const id = randomUUID();
  const kind = topicKinds[notice.topic];
  const delivery = deliveryOf({ kind, recipient, organizationMutedKinds: o.mutedKinds });
  const written = writeMessage(o.writer, notice.letterFor(recipient), {
    unsubscribeUrl: canUnsubscribe({ recipientKind: recipient.kind, kind }) ? unsubscribePageUrl(id) : null,
    kindName: messageKindNames[kind],
  });
  return {
    organizationId: o.organization.id,
    id,
    kind,
    topic: notice.topic,
    aboutType: notice.about.type,
    aboutId: notice.about.id,
    familyId: notice.familyId,
    recipientKind: recipient.kind,
    recipientId: recipient.id,
    recipientName: recipient.name,
    recipientEmail: recipient.email,
    subject: written.subject,
    textBody: written.text,
    htmlBody: written.html,
    status: delivery.status,
    statusNote: delivery.note,
    messageId: messageIdFor(id),
    onceKey: notice.onceKey ? `${notice.onceKey}:${recipient.kind}:${recipient.id}` : null,
  };
}
