/**
 * DESIGN.md "Notifications": the kinds of message, what each is about, and the rules that
 * decide whether one is sent, held back or retried. Pure.
 */

/** Which choice governs a message: guardians choose schedule changes, billing and reminders; account messages always go. */
export const messageKinds = ['schedule', 'billing', 'reminders', 'account'] as const;
export type MessageKind = (typeof messageKinds)[number];
/** The kinds a guardian (or the organization) may turn off. */
export const optionalMessageKinds = ['schedule', 'billing', 'reminders'] as const satisfies readonly MessageKind[];
export type OptionalMessageKind = (typeof optionalMessageKinds)[number];

/** How each kind is named where a person chooses it or reads why a message was not sent. */
export const messageKindNames: Record<MessageKind, string> = {
  schedule: 'schedule change',
  billing: 'billing',
  reminders: 'reminder',
  account: 'account',
};

/** What happened, and the kind that governs telling someone about it. */
export const topicKinds = {
  transfer_done: 'schedule',
  transfer_undone: 'schedule',
  roster_change: 'schedule',
  enrolled: 'schedule',
  unenrolled: 'schedule',
  invoice_issued: 'billing',
  payment_receipt: 'billing',
  refund: 'billing',
  due_reminder: 'reminders',
  password_reset: 'account',
  staff_invitation: 'account',
  /** A guardian invited to the family portal: the link to set a password. */
  portal_invitation: 'account',
  /** A guardian's transfer request, approved (by staff or the organization's rules) or declined. */
  transfer_request_approved: 'schedule',
  transfer_request_declined: 'schedule',
} as const satisfies Record<string, MessageKind>;
export type MessageTopic = keyof typeof topicKinds;
export const messageTopics = Object.keys(topicKinds) as [MessageTopic, ...MessageTopic[]];

/**
 * pending: waiting to be sent (or for its next try); sending: a sender holds it; sent: the mail
 * server accepted it; failed: the mail server refused it for good or every try failed;
 * withheld: never to be sent (turned off, or no address), kept so staff can see why.
 */
export const messageStatuses = ['pending', 'sending', 'sent', 'failed', 'withheld'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const recipientKinds = ['guardian', 'instructor', 'staff'] as const;
export type RecipientKind = (typeof recipientKinds)[number];

export interface Recipient {
  kind: RecipientKind;
  id: string;
  name: string;
  email: string | null;
  /** The kinds this guardian turned off (instructors and staff choose nothing here). */
  mutedKinds: readonly string[];
}

/**
 * Whether a message goes out: account messages always; otherwise not when the organization or
 * the guardian turned its kind off; never without an address. The reason is what staff read.
 */
export function deliveryOf(o: { kind: MessageKind; recipient: Recipient; organizationMutedKinds: readonly string[] }):
  | { status: 'pending'; note: null }
  | { status: 'withheld'; note: string } {
  const { kind, recipient } = o;
  const kindName = messageKindNames[kind];
  if (!recipient.email) return { status: 'withheld', note: `${recipient.name} has no email address.` };
  if (kind === 'account') return { status: 'pending', note: null };
  if (o.organizationMutedKinds.includes(kind)) return { status: 'withheld', note: `The organization turned off ${kindName} emails.` };
  if (recipient.kind === 'guardian' && recipient.mutedKinds.includes(kind)) {
    return { status: 'withheld', note: `${recipient.name} turned off ${kindName} emails.` };
  }
  return { status: 'pending', note: null };
}

/** Tries before a message is marked failed: the last one about a day after the first. */
export const maxSendAttempts = 8;

/** Backoff after the n-th failed try (1-based): 1, 2, 4, … minutes, at most 8 hours. */
export function retryDelaySeconds(failedAttempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, failedAttempts - 1), 8 * 60 * 60);
}

/**
 * A mail server's 5xx answer to a message refuses it for good (no such mailbox, rejected), as
 * RFC 5321 says, except 503 (commands out of order: a new connection may succeed); 4xx answers
 * and a server that cannot be reached are worth trying again.
 */
export function isPermanentRefusal(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600 && responseCode !== 503;
}

/** A guardian can turn off every kind but account messages; instructors and staff receive theirs for their work. */
export function canUnsubscribe(o: { recipientKind: RecipientKind; kind: MessageKind }): boolean {
  return o.recipientKind === 'guardian' && (optionalMessageKinds as readonly MessageKind[]).includes(o.kind);
}
