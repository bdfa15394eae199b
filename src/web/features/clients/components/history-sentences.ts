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
    case 'invoice.payment_recorded':
      return `Payment recorded${amount !== undefined ? `: ${context.money(amount)}` : ''}`;
    case 'invoice.discount_added':
      return 'Discount added to an invoice';
    case 'invoice.written_off':
      return 'Invoice amount written off';
    case 'invoice.voided':
      return 'Invoice voided';
    default:
      return event.action.replace(/[._]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  }
}
