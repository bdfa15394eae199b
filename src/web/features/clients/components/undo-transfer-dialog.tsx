import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TransferDto } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useUndoTransfer } from '../../transfers/hooks/use-undo-transfer';

interface UndoTransferDialogProps {
  transfer: TransferDto;
  clientName: string;
  fromSessionName: string;
  toSessionName: string;
  onClose: () => void;
}

/** Undo asks first, and shows the server's reason when undo is no longer possible. */
export function UndoTransferDialog({ transfer, clientName, fromSessionName, toSessionName, onClose }: UndoTransferDialogProps) {
  const undo = useUndoTransfer();
  return (
    <Modal opened onClose={onClose} title={`Undo the transfer to ${toSessionName}?`}>
      <Stack>
        <Text size="sm">
          {clientName} goes back to {fromSessionName} with no end date and its invoices reopen; the {toSessionName} enrollment and
          its open invoice are cancelled (kept in history).
        </Text>
        <ProblemAlert error={undo.error} title="Cannot undo" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={undo.isPending}>
            Keep the transfer
          </Button>
          <Button
            color="red"
            loading={undo.isPending}
            disabled={Boolean(undo.error)}
            onClick={() =>
              undo.mutate(transfer.id, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', title: 'Transfer undone', message: `${clientName} is back in ${fromSessionName}.` });
                  onClose();
                },
              })
            }
          >
            Undo transfer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
