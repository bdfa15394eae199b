import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { TransferRequestDto } from '../../../api/types';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { fieldError, fieldErrors } from '../../../shared/forms/field-errors';
import { useDeclineTransferRequest } from '../hooks/use-transfer-requests';

/** Decline a guardian's request with the reason they will read in the portal and by email. */
export function DeclineRequestDialog({ request, onClose }: { request: TransferRequestDto | null; onClose: () => void }) {
  const decline = useDeclineTransferRequest();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(decline.error);
  const missing = tried && reason.trim() === '';

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!request || reason.trim() === '') return;
    decline.mutate(
      { id: request.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Request declined', message: `${request.guardianName} is told why by email and in the portal.` });
          close();
        },
      },
    );
  }

  function close() {
    setReason('');
    setTried(false);
    decline.reset();
    onClose();
  }

  return (
    <Modal opened={request !== null} onClose={close} title="Decline the request" closeOnEscape={!decline.isPending}>
      {request && (
        <form onSubmit={submit} noValidate aria-label="Decline the request">
          <Stack gap="sm">
          <Text size="sm">
            {request.childName}: {request.from.sessionName} → {request.to.sessionName}, asked by {request.guardianName}.
          </Text>
          <Textarea
            label="Reason"
            description="The guardian reads it, so write it to them"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError(errors, 'body.reason') ?? (missing ? 'Say why, so the family knows' : undefined)}
            required
            autosize
            minRows={3}
            maxLength={500}
            data-autofocus
          />
          <ProblemAlert error={decline.error} title="The request was not declined" shownFields={['body.reason']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={decline.isPending}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={decline.isPending}>
              Decline request
            </Button>
          </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
