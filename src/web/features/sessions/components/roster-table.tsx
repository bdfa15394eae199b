import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RosterDto } from '../../../api/types';
import { useCan } from '../../auth/hooks/use-permission';
import { RosterClientActions } from '../../enrollment/components/roster-client-actions';
import { AttendanceToggle } from './attendance-toggle';

interface RosterTableProps {
  roster: RosterDto;
  withAttendance?: boolean;
}

/** Who comes on one session date, with a guardian to call, and what staff can do about each client. */
export function RosterTable({ roster, withAttendance = false }: RosterTableProps) {
  const can = useCan();
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const date = roster.sessionDate.date;
  const mayMark = withAttendance && can('attendance.write') && roster.sessionDate.status !== 'cancelled';
  return (
    <Table highlightOnHover verticalSpacing={6} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Client</Table.Th>
          <Table.Th>Family</Table.Th>
          <Table.Th>Guardian</Table.Th>
          {mayMark && <Table.Th>Attendance</Table.Th>}
          <Table.Th>
            <VisuallyHidden>Remove or transfer</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {roster.clients.map((entry) => {
          const name = `${entry.firstName} ${entry.lastName}`;
          return (
            <Table.Tr key={entry.subscriptionId}>
              <Table.Td>
                {can('clients.read') ? (
                  <Anchor component={Link} to={`/clients/${entry.clientId}`} size="sm">
                    {name}
                  </Anchor>
                ) : (
                  name
                )}
              </Table.Td>
              <Table.Td>{entry.familyName}</Table.Td>
              <Table.Td>
                {entry.guardianName ?? '—'}
                {entry.guardianPhone && (
                  <>
                    <br />
                    <Anchor href={`tel:${entry.guardianPhone}`} size="xs">
                      {entry.guardianPhone}
                    </Anchor>
                  </>
                )}
              </Table.Td>
              {mayMark && (
                <Table.Td>
                  <AttendanceToggle
                    sessionId={roster.sessionId}
                    date={date}
                    subscriptionId={entry.subscriptionId}
                    clientName={name}
                    present={marks[entry.subscriptionId] ?? entry.present ?? undefined}
                    onMarked={(present) => setMarks((current) => ({ ...current, [entry.subscriptionId]: present }))}
                  />
                </Table.Td>
              )}
              <Table.Td ta="right">
                <RosterClientActions entry={entry} sessionId={roster.sessionId} sessionName={roster.sessionName} date={date} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
