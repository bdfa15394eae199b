import { Badge, Group, Text } from '@mantine/core';
import { QueryState } from '../../../shared/components/query-state';
import { useFormat } from '../../../shared/format/use-format';
import { useRoster } from '../hooks/use-roster';
import { RosterTable } from './roster-table';

interface RosterPanelProps {
  sessionId: string;
  date: string;
  withAttendance?: boolean;
}

/** One session date's roster with its seats, in every state (loading, refused, nobody enrolled). */
export function RosterPanel({ sessionId, date, withAttendance }: RosterPanelProps) {
  const format = useFormat();
  const roster = useRoster(sessionId, date);
  const sessionDate = roster.data?.sessionDate;
  return (
    <QueryState label="the roster" isPending={roster.isPending} error={roster.error} onRetry={() => void roster.refetch()}>
      {roster.data && sessionDate && (
        <>
          <Group gap="xs" mb="xs">
            <Text size="sm">
              {format.date(sessionDate.date)} at {format.time(sessionDate.localStartTime)}
            </Text>
            <Badge variant="light" color={sessionDate.freeSeats > 0 ? 'teal' : 'red'}>
              {sessionDate.enrolled}/{sessionDate.capacity} enrolled{sessionDate.freeSeats > 0 ? '' : ' — full'}
            </Badge>
            {sessionDate.status !== 'scheduled' && (
              <Badge variant="light" color="orange">
                {sessionDate.status === 'cancelled' ? 'Cancelled' : `Moved from ${format.shortDate(sessionDate.originalDate)}`}
              </Badge>
            )}
          </Group>
          {roster.data.clients.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nobody is enrolled on this date.
            </Text>
          ) : (
            <RosterTable key={date} roster={roster.data} withAttendance={withAttendance} />
          )}
        </>
      )}
    </QueryState>
  );
}
