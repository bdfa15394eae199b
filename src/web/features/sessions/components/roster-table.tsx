import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RosterDto, RosterEntryDto } from '../../../api/types';
import { useCan } from '../../auth/hooks/use-permission';
import { FamilyLink } from '../../clients/components/family-link';
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
        {roster.clients.map((entry) => (
          <RosterRow
            key={entry.subscriptionId}
            roster={roster}
            entry={entry}
            // What was marked in this visit counts over what the roster was loaded with.
            attendance={mayMark ? { present: marks[entry.subscriptionId] ?? entry.present ?? undefined } : null}
            onMarked={(present) => setMarks((current) => ({ ...current, [entry.subscriptionId]: present }))}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface RosterRowProps {
  roster: RosterDto;
  entry: RosterEntryDto;
  /** Null when attendance is not taken here. */
  attendance: { present: boolean | undefined } | null;
  onMarked: (present: boolean) => void;
}

function RosterRow({ roster, entry, attendance, onMarked }: RosterRowProps) {
  const can = useCan();
  const name = `${entry.firstName} ${entry.lastName}`;
  const date = roster.sessionDate.date;
  return (
    <Table.Tr>
      <Table.Td>
        {can('clients.read') ? (
          <Anchor component={Link} to={`/clients/${entry.clientId}`} size="sm">
            {name}
          </Anchor>
        ) : (
          name
        )}
      </Table.Td>
      <Table.Td>
        <FamilyLink family={{ id: entry.familyId, name: entry.familyName }} linked={can('clients.read')} />
      </Table.Td>
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
      {attendance && (
        <Table.Td>
          <AttendanceToggle
            sessionId={roster.sessionId}
            date={date}
            subscriptionId={entry.subscriptionId}
            clientName={name}
            present={attendance.present}
            onMarked={onMarked}
          />
        </Table.Td>
      )}
      <Table.Td ta="right">
        <RosterClientActions entry={entry} sessionId={roster.sessionId} sessionName={roster.sessionName} date={date} />
      </Table.Td>
    </Table.Tr>
  );
}
