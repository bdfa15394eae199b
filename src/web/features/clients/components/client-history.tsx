import { Badge, Button, Group, Text, Timeline } from '@mantine/core';
import type { ClientProfileDto, HistoryEvent, TransferDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import { checkoutFinishLabels } from '../../../shared/format/value-labels';
import { sessionNamesBySubscription } from '../session-names';
import { historySentence } from './history-sentences';

interface ClientHistoryProps {
  profile: ClientProfileDto;
  onUndo: (transfer: TransferDto) => void;
}

/** A transfer as the profile gives it: with whether the person looking could undo it now, or what that needs. */
type ProfileTransfer = ClientProfileDto['transfers'][number];

type Entry =
  | { key: string; at: string; kind: 'transfer'; transfer: ProfileTransfer }
  | { key: string; at: string; kind: 'undo'; transfer: TransferDto }
  | { key: string; at: string; kind: 'event'; text: string };

/** What happened to this client, newest first; transfers are events of their own, with Undo. */
export function ClientHistory({ profile, onUndo }: ClientHistoryProps) {
  const format = useFormat();
  const sessionNames = sessionNamesBySubscription(profile);
  const sessionOf = (subscriptionId: string) => sessionNames.get(subscriptionId) ?? 'another session';
  const entries = historyEntries(profile, (event) =>
    historySentence(event, { sessionNameBySubscription: sessionNames, money: format.money, date: format.date }),
  );

  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened to this client yet.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {entries.map((entry) => (
        <Timeline.Item key={entry.key} color={entry.kind === 'event' ? 'gray' : 'blue'}>
          {entry.kind === 'event' ? (
            <Text size="sm">{entry.text}</Text>
          ) : entry.kind === 'undo' ? (
            <Text size="sm" fw={600}>
              Transfer undone: back in {sessionOf(entry.transfer.fromSubscriptionId)}, {sessionOf(entry.transfer.toSubscriptionId)}{' '}
              enrollment cancelled
            </Text>
          ) : (
            <TransferEntry transfer={entry.transfer} sessionOf={sessionOf} onUndo={onUndo} />
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {format.instant(entry.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** Transfers and their undoing, and every other audit event as a sentence, newest first. */
function historyEntries(profile: ClientProfileDto, sentence: (event: HistoryEvent) => string): Entry[] {
  return [
    ...profile.transfers.flatMap((transfer): Entry[] => [
      { key: transfer.id, at: transfer.createdAt, kind: 'transfer', transfer },
      ...(transfer.undoneAt ? [{ key: `${transfer.id}-undo`, at: transfer.undoneAt, kind: 'undo' as const, transfer }] : []),
    ]),
    // Transfer audit events are shown by the transfer entries above.
    ...profile.history
      .filter((event) => !event.action.startsWith('transfer.'))
      .map((event): Entry => ({ key: event.id, at: event.at, kind: 'event', text: sentence(event) })),
  ].sort((a, b) => b.at.localeCompare(a.at));
}

interface TransferEntryProps {
  transfer: ProfileTransfer;
  sessionOf: (subscriptionId: string) => string;
  onUndo: (transfer: TransferDto) => void;
}

function TransferEntry({ transfer, sessionOf, onUndo }: TransferEntryProps) {
  const format = useFormat();
  const completed = transfer.status === 'completed';
  return (
    <div data-testid="transfer-event">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Transferred from {sessionOf(transfer.fromSubscriptionId)} to {sessionOf(transfer.toSubscriptionId)} on{' '}
          {format.date(transfer.transferDate)}
        </Text>
        <Badge size="sm" variant="light" color={completed ? 'teal' : 'gray'}>
          {completed ? 'Completed' : 'Undone'}
        </Badge>
      </Group>
      <Group gap="xs" mt={2}>
        <Text size="xs" c="dimmed">
          Checkout: {checkoutFinishLabels[transfer.checkout]}
          {transfer.reason ? ` · ${transfer.reason}` : ''}
        </Text>
        {completed && transfer.undo.possible && (
          <Button size="compact-xs" variant="light" color="orange" onClick={() => onUndo(transfer)}>
            Undo
          </Button>
        )}
        {/* Not undoable by this person now: say what it needs (who can, or what to do first), rather than a button that fails. */}
        {completed && !transfer.undo.possible && transfer.undo.why && (
          <Text size="xs" c="dimmed" data-testid="undo-hint">
            {transfer.undo.why}
          </Text>
        )}
      </Group>
    </div>
  );
}
