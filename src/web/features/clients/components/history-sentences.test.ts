import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../api/types';
import { historySentence } from './history-sentences';

const context = {
  sessionNameBySubscription: new Map([
    ['sub-tue', 'Beginners Tue'],
    ['sub-thu', 'Intermediate Thu'],
  ]),
  money: (amount: number) => `$${(amount / 100).toFixed(2)}`,
  date: (date: string) => `[${date}]`,
};

const transferEvent = (action: string): HistoryEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  at: '2027-03-20T15:00:00.000Z',
  action,
  entityType: 'transfer',
  entityId: '00000000-0000-4000-8000-000000000002',
  actorUserId: 'user-1',
  actorName: 'Dana Flores',
  actorRole: 'manager',
  before: null,
  after: {
    transfer: { fromSubscriptionId: 'sub-tue', toSubscriptionId: 'sub-thu', transferDate: '2027-03-23', oldEndsOn: '2027-03-16', firstSessionDate: '2027-03-25' },
  },
});

describe('historySentence for transfers', () => {
  it('names both sessions, the transfer date, the old end and the new first date the record keeps', () => {
    expect(historySentence(transferEvent('transfer.completed'), context)).toBe(
      'Transferred from Beginners Tue to Intermediate Thu on [2027-03-23]: Beginners Tue ends [2027-03-16], Intermediate Thu from [2027-03-25]',
    );
    expect(historySentence(transferEvent('transfer.undone'), context)).toMatch(/^Transferred from Beginners Tue to Intermediate Thu .*: undone$/);
    expect(historySentence(transferEvent('transfer.completed_with_capacity_override'), context)).toMatch(/\(beyond capacity\)$/);
  });
});

describe('historySentence for transfer requests', () => {
  const requestEvent = (action: string, after: unknown): HistoryEvent => ({ ...transferEvent(action), entityType: 'transfer_request', actorUserId: null, actorName: null, actorRole: 'organization_rules', after });

  it('says who asked, and how it was answered', () => {
    expect(historySentence(requestEvent('transfer_request.created', { firstSessionDate: '2027-03-25' }), context)).toBe(
      'A guardian asked for a transfer from the family portal (first date [2027-03-25])',
    );
    expect(historySentence(requestEvent('transfer_request.approved_automatically', {}), context)).toBe("Transfer request approved automatically by the organization's rules");
    expect(historySentence(requestEvent('transfer_request.declined', { reason: 'Needs an assessment first' }), context)).toBe('Transfer request declined: Needs an assessment first');
  });
});
