import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TransferRequestDto } from '../../../api/types';
import { StackedCell, StackedTable } from '../../../shared/components/stacked-table';
import { useFormat } from '../../../shared/format/use-format';

export const statusLabels: Record<TransferRequestDto['status'], string> = {
  pending: 'Waiting',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  refused: 'Refused',
};

interface RequestTableProps {
  requests: TransferRequestDto[];
  /** Pending requests get Review and Decline; decided ones show who decided and why. */
  onReview?: (request: TransferRequestDto) => void;
  onDecline?: (request: TransferRequestDto) => void;
  reviewing: string | null;
}

/** The queue: a table at a desk, one card per request on a phone. */
export function RequestTable({ requests, onReview, onDecline, reviewing }: RequestTableProps) {
  const format = useFormat();
  return (
    <StackedTable highlightOnHover verticalSpacing={6} fz="sm" aria-label="Transfer requests">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Child</Table.Th>
          <Table.Th>From → to</Table.Th>
          <Table.Th>First date</Table.Th>
          <Table.Th>Asked by</Table.Th>
          <Table.Th>Note</Table.Th>
          <Table.Th>{onReview ? <span className="visually-hidden">Actions</span> : 'Decision'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {requests.map((request) => (
          <Table.Tr key={request.id} data-testid="transfer-request">
            <StackedCell label="Child">
              <Anchor component={Link} to={`/clients/${request.clientId}`} fw={600}>
                {request.childName}
              </Anchor>
              <Text size="xs" c="dimmed">
                <Anchor component={Link} to={`/families/${request.familyId}`} c="dimmed" inherit>
                  {request.familyName} family
                </Anchor>
              </Text>
            </StackedCell>
            <StackedCell label="From → to">
              {request.from.sessionName} → <Text span fw={600} inherit>{request.to.sessionName}</Text>
            </StackedCell>
            <StackedCell label="First date">{format.date(request.firstSessionDate)}</StackedCell>
            <StackedCell label="Asked by">
              {request.guardianName}
              <Text size="xs" c="dimmed">
                {format.instant(request.createdAt)}
              </Text>
            </StackedCell>
            <StackedCell label="Note">{request.note || <Text span c="dimmed" inherit>—</Text>}</StackedCell>
            {onReview && onDecline ? (
              <StackedCell>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" onClick={() => onReview(request)} loading={reviewing === request.id} aria-label={`Review ${request.childName}'s request`}>
                    Review
                  </Button>
                  <Button size="xs" variant="default" color="red" onClick={() => onDecline(request)} aria-label={`Decline ${request.childName}'s request`}>
                    Decline
                  </Button>
                </Group>
              </StackedCell>
            ) : (
              <StackedCell label="Decision">
                {statusLabels[request.status]}
                {request.decidedBy === 'rules' ? ' automatically' : ''}
                {request.decisionReason && (
                  <Text size="xs" c="dimmed">
                    {request.decisionReason}
                  </Text>
                )}
              </StackedCell>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
