import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ProfileSubscription } from '../../../api/types';
import { QueryState } from '../../../shared/components/query-state';
import { addDays } from '../../../shared/format/dates';
import { useFormat } from '../../../shared/format/use-format';
import { useCan } from '../../auth/hooks/use-permission';
import { SessionDateSelect } from '../../sessions/components/session-date-select';
import { useSessionDates } from '../../sessions/hooks/use-session-dates';
import { useStartTransfer } from '../../transfers/hooks/use-start-transfer';

interface UpdateSubscriptionDialogProps {
  subscription: ProfileSubscription;
  clientName: string;
  onClose: () => void;
}

/** Dates offered for a transfer: from four weeks back (managers may back-date) to twelve weeks ahead. */
const WINDOW = { before: 28, after: 84 };

/** The client profile's entry to a transfer: pick the date from which the client leaves this session. */
export function UpdateSubscriptionDialog({ subscription, clientName, onClose }: UpdateSubscriptionDialogProps) {
  const format = useFormat();
  const can = useCan();
  const startTransfer = useStartTransfer();
  const today = format.today();
  const earliest = can('transfers.backdate') ? addDays(today, -WINDOW.before) : today;
  const from = subscription.startsOn > earliest ? subscription.startsOn : earliest;
  const windowEnd = addDays(today, WINDOW.after);
  const to = subscription.endsOn && subscription.endsOn < windowEnd ? subscription.endsOn : windowEnd;
  const dates = useSessionDates(subscription.sessionId, { from, to: to > from ? to : addDays(from, 1) });
  const offered = dates.data ?? [];
  const firstUpcoming = offered.find((d) => d.date >= today && d.status !== 'cancelled')?.date ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const transferDate = chosen ?? firstUpcoming;

  return (
    <Modal opened onClose={onClose} title={`Update ${clientName}'s enrollment in ${subscription.sessionName}`}>
      <Stack>
        <Text size="sm">
          Choose the first date {clientName} no longer comes to {subscription.sessionName}; next you choose the new session.
        </Text>
        <QueryState
          label="the session's dates"
          isPending={dates.isPending}
          error={dates.error}
          onRetry={() => void dates.refetch()}
          empty={{ when: offered.length === 0, title: 'No session dates left in this enrollment' }}
        >
          <SessionDateSelect label="Transfer from" dates={offered} value={transferDate} onChange={setChosen} />
        </QueryState>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!transferDate}
            onClick={() => {
              onClose();
              startTransfer({
                subscriptionId: subscription.id,
                clientId: subscription.clientId,
                clientName,
                sessionId: subscription.sessionId,
                sessionName: subscription.sessionName,
                transferDate: transferDate!,
                subscriptionStartsOn: subscription.startsOn,
                subscriptionEndsOn: subscription.endsOn,
              });
            }}
          >
            Choose the new session
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
