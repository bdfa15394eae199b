import { ActionIcon, Button, CloseIcon, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RosterEntryDto } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useFormat } from '../../../shared/format/use-format';
import { useCan } from '../../auth/hooks/use-permission';
import { useStartTransfer } from '../../transfers/hooks/use-start-transfer';
import { useUnenroll } from '../hooks/use-unenroll';

interface RosterClientActionsProps {
  entry: RosterEntryDto;
  sessionId: string;
  sessionName: string;
  /** The roster's date: unenrolling or transferring takes effect from it. */
  date: string;
}

/** The X beside a client on a roster: unenroll from this date on, or transfer to another session. */
export function RosterClientActions({ entry, sessionId, sessionName, date }: RosterClientActionsProps) {
  const can = useCan();
  const startTransfer = useStartTransfer();
  const [confirming, setConfirming] = useState(false);
  const name = `${entry.firstName} ${entry.lastName}`;
  if (!can('enrollment.write')) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="red" aria-label={`Remove or transfer ${name}`}>
            <CloseIcon size="16" />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setConfirming(true)}>Unenroll from this date</Menu.Item>
          <Menu.Item
            onClick={() =>
              startTransfer({
                subscriptionId: entry.subscriptionId,
                clientId: entry.clientId,
                clientName: name,
                sessionId,
                sessionName,
                transferDate: date,
                subscriptionStartsOn: entry.startsOn,
                subscriptionEndsOn: entry.endsOn,
              })
            }
          >
            Transfer to another session
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {confirming && (
        <ConfirmUnenroll entry={entry} name={name} sessionName={sessionName} date={date} onClose={() => setConfirming(false)} />
      )}
    </>
  );
}

interface ConfirmUnenrollProps {
  entry: RosterEntryDto;
  name: string;
  sessionName: string;
  date: string;
  onClose: () => void;
}

function ConfirmUnenroll({ entry, name, sessionName, date, onClose }: ConfirmUnenrollProps) {
  const format = useFormat();
  const unenroll = useUnenroll();
  return (
    <Modal opened onClose={onClose} title={`Unenroll ${name}?`} closeOnClickOutside={!unenroll.isPending}>
      <Stack>
        <Text size="sm">
          {name} will no longer be in {sessionName} from {format.date(date)} on: off this roster and every later one. Open
          invoices due after that date are voided; paid ones stay.
        </Text>
        <ProblemAlert error={unenroll.error} title="Not unenrolled" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={unenroll.isPending}>
            Keep enrolled
          </Button>
          <Button
            color="red"
            loading={unenroll.isPending}
            onClick={() =>
              unenroll.mutate(
                { subscriptionId: entry.subscriptionId, date },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Unenrolled', message: `${name} leaves ${sessionName} from ${format.date(date)}.` });
                    onClose();
                  },
                },
              )
            }
          >
            Unenroll from {format.shortDate(date)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
