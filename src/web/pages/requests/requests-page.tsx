import { Alert, Button, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TransferRequestDto, TransferRequestStatus } from '../../api/types';
import { ApiError } from '../../api/http';
import { DeclineRequestDialog } from '../../features/transfer-requests/components/decline-request-dialog';
import { RequestTable, statusLabels } from '../../features/transfer-requests/components/request-table';
import { useFetchTransferRequest, useTransferRequests } from '../../features/transfer-requests/hooks/use-transfer-requests';
import { useStartTransfer } from '../../features/transfers/hooks/use-start-transfer';
import { useCan } from '../../features/auth/hooks/use-permission';
import { QueryState } from '../../shared/components/query-state';

const PAGE = 25;
const statuses: TransferRequestStatus[] = ['pending', 'approved', 'declined', 'withdrawn', 'refused'];

/**
 * Guardians' transfer requests (DESIGN.md "The family portal"), oldest first: Review opens the
 * same transfer dialog as every transfer, pre-filled, and its checkout approves the request;
 * Decline asks for the reason the family reads.
 */
export function RequestsPage() {
  const [status, setStatus] = useState<TransferRequestStatus>('pending');
  const [limit, setLimit] = useState(PAGE);
  const requests = useTransferRequests(status, limit);
  const can = useCan();
  const review = useReview();
  const [declining, setDeclining] = useState<TransferRequestDto | null>(null);
  const mayDecide = status === 'pending' && can('enrollment.write');
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Transfer requests
      </Title>
      <NativeSelect
        label="Show requests that are"
        value={status}
        onChange={(event) => {
          setStatus(event.currentTarget.value as TransferRequestStatus);
          setLimit(PAGE);
        }}
        data={statuses.map((value) => ({ value, label: statusLabels[value] }))}
        w={{ base: '100%', xs: 260 }}
      />
      {review.problem && (
        <Alert color="orange" title="This request cannot be approved" withCloseButton onClose={review.clearProblem} closeButtonLabel="Dismiss">
          {review.problem}
        </Alert>
      )}
      <QueryState
        label="the transfer requests"
        isPending={requests.isPending}
        error={requests.error}
        onRetry={() => void requests.refetch()}
        empty={{
          when: requests.data?.total === 0,
          title: status === 'pending' ? 'No request is waiting' : 'None here',
          description: 'Families ask for transfers from the family portal; their requests wait here.',
        }}
      >
        {requests.data && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {requests.data.total} request{requests.data.total === 1 ? '' : 's'}
              {status === 'pending' ? ', the longest waiting first' : ''}
            </Text>
            <RequestTable
              requests={requests.data.items}
              reviewing={review.opening}
              {...(mayDecide ? { onReview: review.open, onDecline: setDeclining } : {})}
            />
            {requests.data.total > requests.data.items.length && (
              <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)} loading={requests.isFetching}>
                Show more requests
              </Button>
            )}
          </Stack>
        )}
      </QueryState>
      <DeclineRequestDialog request={declining} onClose={() => setDeclining(null)} />
    </Stack>
  );
}

/** Review: the request as it is now; the transfer dialog pre-filled with it, or why it cannot be approved. */
function useReview() {
  const fetchRequest = useFetchTransferRequest();
  const startTransfer = useStartTransfer();
  const [opening, setOpening] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function open(request: TransferRequestDto) {
    setOpening(request.id);
    setProblem(null);
    try {
      const detail = await fetchRequest(request.id);
      if (detail.changed || !detail.transferDate) {
        setProblem(detail.changed ?? `${detail.childName}'s enrollment in ${detail.from.sessionName} has no coming dates to move from; decline the request.`);
        return;
      }
      startTransfer({
        subscriptionId: detail.subscriptionId,
        clientId: detail.clientId,
        clientName: detail.childName,
        sessionId: detail.from.sessionId,
        sessionName: detail.from.sessionName,
        transferDate: detail.transferDate,
        subscriptionStartsOn: detail.subscription.startsOn,
        subscriptionEndsOn: detail.subscription.endsOn,
        request: { id: detail.id, targetSessionId: detail.to.sessionId, firstSessionDate: detail.firstSessionDate, note: detail.note, guardianName: detail.guardianName },
      });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.detail : 'The request could not be opened; try again.');
    } finally {
      setOpening(null);
    }
  }

  return { open, opening, problem, clearProblem: () => setProblem(null) };
}
