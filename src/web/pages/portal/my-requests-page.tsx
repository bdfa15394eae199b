import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TransferRequestDto } from '../../api/types';
import { useMyTransferRequests, useWithdrawTransferRequest } from '../../features/transfer-requests/hooks/use-portal-requests';
import { ProblemAlert } from '../../shared/components/problem-alert';
import { QueryState } from '../../shared/components/query-state';
import { useFormat } from '../../shared/format/use-format';

const statusShown: Record<TransferRequestDto['status'], { label: string; color: string }> = {
  pending: { label: 'Waiting for the school', color: 'blue' },
  approved: { label: 'Approved', color: 'teal' },
  declined: { label: 'Declined', color: 'red' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
  refused: { label: 'Not carried out', color: 'orange' },
};

/** The family's transfer requests, newest first: where each stands and why; a waiting one can be withdrawn. */
export function MyRequestsPage() {
  const requests = useMyTransferRequests();
  const withdraw = useWithdrawTransferRequest();
  return (
    <>
      <Stack gap="md">
        <Title order={2} size="h3">
          My requests
        </Title>
        <ProblemAlert error={withdraw.error} title="The request was not withdrawn" />
        <QueryState
          label="your requests"
          isPending={requests.isPending}
          error={requests.error}
          onRetry={() => void requests.refetch()}
          empty={{ when: requests.data?.items.length === 0, title: 'No requests yet', description: "Ask to move a child's enrollment from its page." }}
        >
          <Stack gap="sm">
            {requests.data?.items.map((request) => (
              <RequestCard key={request.id} request={request} onWithdraw={() => withdraw.mutate(request.id)} withdrawing={withdraw.isPending && withdraw.variables === request.id} />
            ))}
          </Stack>
        </QueryState>
      </Stack>
    </>
  );
}

function RequestCard({ request, onWithdraw, withdrawing }: { request: TransferRequestDto; onWithdraw: () => void; withdrawing: boolean }) {
  const format = useFormat();
  const status = statusShown[request.status];
  return (
    <Card withBorder padding="sm" radius="md" component="article" aria-label={`${request.childName}: ${request.from.sessionName} to ${request.to.sessionName}`} data-testid="my-request">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{request.childName}</Text>
          <Badge color={status.color} variant="light" style={{ flexShrink: 0 }}>
            {status.label}
          </Badge>
        </Group>
        <Text size="sm">
          {request.from.sessionName} → {request.to.sessionName}, from {format.date(request.firstSessionDate)}
        </Text>
        {request.note && (
          <Text size="sm" c="dimmed">
            Your note: {request.note}
          </Text>
        )}
        {request.decisionReason && (
          <Text size="sm">
            {request.status === 'declined' ? 'The reason: ' : ''}
            {request.decisionReason}
          </Text>
        )}
        {request.status === 'approved' && request.decidedBy === 'rules' && (
          <Text size="xs" c="dimmed">
            Approved automatically by the school's rules.
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Asked {format.instant(request.createdAt)}
        </Text>
        {request.status === 'pending' && (
          <Button variant="default" size="sm" onClick={onWithdraw} loading={withdrawing} fullWidth mt={4} aria-label={`Withdraw the request for ${request.childName}`}>
            Withdraw
          </Button>
        )}
      </Stack>
    </Card>
  );
}
