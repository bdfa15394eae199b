import type { HistoryEvent } from '../../../api/types';

interface SentenceContext {
  sessionNameBySubscription: Map<string, string>;
  money: (amount: number) => string;
  date: (date: string) => string;
}

function field<T>(value: unknown, key: string): T | undefined {
  return value && typeof value === 'object' && key in value ? ((value as Record<string, unknown>)[key] as T) : undefined;
}

/** An audit event as a sentence a front-desk person reads at a glance. */
export function historySentence(event: HistoryEvent, context: SentenceContext): string {
  const session = context.sessionNameBySubscription.get(field<string>(event.after, 'subscriptionId') ?? event.entityId);
  const date = field<string>(event.after, 'date');
  const amount = field<number>(event.after, 'amount');
  switch (event.action) {
    case 'client.created':
      return 'Client added';
    case 'subscription.enrolled':
      return `Enrolled in ${session ?? 'a session'}`;
    case 'subscription.unenrolled': {
      const endsOn = field<string>(event.after, 'endsOn');
      return `Unenrolled from ${session ?? 'a session'}${endsOn ? ` from ${context.date(endsOn)}` : ''}`;
    }
    case 'attendance.marked':
      return `Marked ${field<boolean>(event.after, 'present') ? 'present' : 'absent'} in ${session ?? 'a session'}${
        date ? ` on ${context.date(date)}` : ''
      }`;
    case 'transfer.completed':
    case 'transfer.completed_with_capacity_override':
      return transferSentence(event, context) + (event.action.endsWith('override') ? ' (beyond capacity)' : '');
    case 'transfer.undone':
      return `${transferSentence(event, context)}: undone`;
    case 'invoice.payment_recorded':
      return `Payment recorded${amount !== undefined ? `: ${context.money(amount)}` : ''}`;
    case 'invoice.discount_added':
      return 'Discount added to an invoice';
    case 'invoice.written_off':
      return 'Invoice amount written off';
    case 'invoice.voided':
      return 'Invoice voided';
    case 'transfer_request.created': {
      const first = field<string>(event.after, 'firstSessionDate');
      return `A guardian asked for a transfer from the family portal${first ? ` (first date ${context.date(first)})` : ''}`;
    }
    case 'transfer_request.approved':
      return 'Transfer request approved';
    case 'transfer_request.approved_automatically':
      return "Transfer request approved automatically by the organization's rules";
    case 'transfer_request.declined':
    case 'transfer_request.refused': {
      const reason = field<string>(event.after, 'reason');
      return `Transfer request ${event.action.endsWith('declined') ? 'declined' : 'refused'}${reason ? `: ${reason}` : ''}`;
    }
    default:
      return event.action.replace(/[._]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  }
}

/**
 * "Transferred from Beginners Tue to Intermediate Thu on Tue, Mar 16, 2027: Beginners Tue ends
 * Tue, Mar 16, 2027, Intermediate Thu from Thu, Mar 18, 2027": the transfer date, the old end
 * and the new first date the record keeps, so history reads true even when they differ.
 */
function transferSentence(event: HistoryEvent, context: SentenceContext): string {
  const transfer = field<Record<string, unknown>>(event.after, 'transfer') ?? {};
  const from = context.sessionNameBySubscription.get(field<string>(transfer, 'fromSubscriptionId') ?? '') ?? 'a session';
  const to = context.sessionNameBySubscription.get(field<string>(transfer, 'toSubscriptionId') ?? '') ?? 'another session';
  const on = field<string>(transfer, 'transferDate');
  const oldEndsOn = field<string>(transfer, 'oldEndsOn');
  const firstSessionDate = field<string>(transfer, 'firstSessionDate');
  const dates = oldEndsOn && firstSessionDate ? `: ${from} ends ${context.date(oldEndsOn)}, ${to} from ${context.date(firstSessionDate)}` : '';
  return `Transferred from ${from} to ${to}${on ? ` on ${context.date(on)}` : ''}${dates}`;
}
