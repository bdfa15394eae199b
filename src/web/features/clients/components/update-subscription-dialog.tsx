import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ProfileSubscription } from '../../../api/types';
import { QueryState } from '../../../shared/components/query-state';
import { windowWithin } from '../../../shared/format/dates';
import { useFormat } from '../../../shared/format/use-format';
import { useCan } from '../../auth/hooks/use-permission';
import { SessionDateSelect } from '../../sessions/components/session-date-select';
import { firstRealDate } from '../../sessions/first-real-date';
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
  const startTransfer = useStartTransfer();
  const { dates, firstUpcoming } = useOfferedDates(subscription);
  const offered = dates.data ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const transferDate = chosen ?? firstUpcoming;

  function chooseNewSession(date: string) {
    onClose();
    startTransfer({
      subscriptionId: subscription.id,
      clientId: subscription.clientId,
      clientName,
      sessionId: subscription.sessionId,
      sessionName: subscription.sessionName,
      transferDate: date,
      subscriptionStartsOn: subscription.startsOn,
      subscriptionEndsOn: subscription.endsOn,
    });
  }

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
          <Button disabled={!transferDate} onClick={() => chooseNewSession(transferDate!)}>
            Choose the new session
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The enrollment's dates a transfer may start from, and the first upcoming one, offered first. */
function useOfferedDates(subscription: ProfileSubscription) {
  const format = useFormat();
  const can = useCan();
  const today = format.today();
  const range = windowWithin({
    around: today,
    before: can('changes.backdate') ? WINDOW.before : 0,
    after: WINDOW.after,
    startsOn: subscription.startsOn,
    endsOn: subscription.endsOn,
  });
  const dates = useSessionDates(subscription.sessionId, range);
  return { dates, firstUpcoming: firstRealDate(dates.data ?? [], today) };
}
