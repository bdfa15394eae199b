// The API's message DTOs, type-only from its contracts, and the words screens use for them.
import type { MessageDetailDto, MessageDto, MessagePageDto, MessagePreferencesDto, MessagePreferencesInput, UnsubscribeDto } from '../../../contracts/messages';

export type { MessageDetailDto, MessageDto, MessagePageDto, MessagePreferencesDto, MessagePreferencesInput, UnsubscribeDto };
export type MessageStatus = MessageDto['status'];
export type MessageStatusFilter = MessageStatus;
export type OptionalMessageKind = MessagePreferencesDto['mutedKinds'][number];

/** The kinds a guardian (or the organization) can turn off, as a person reads them. */
export const optionalKindLabels: Record<OptionalMessageKind, { label: string; description: string }> = {
  schedule: { label: 'Schedule changes', description: 'Enrollments, transfers, leaving a session' },
  billing: { label: 'Billing', description: 'New invoices, receipts, refunds' },
  reminders: { label: 'Reminders', description: 'A reminder three days before something is due' },
};

/** Where a message stands, in staff words, with the badge colour. */
export const statusBadges: Record<MessageStatus, { label: string; color: string }> = {
  pending: { label: 'Waiting', color: 'blue' },
  sending: { label: 'Sending', color: 'blue' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
  withheld: { label: 'Not sent', color: 'gray' },
};
