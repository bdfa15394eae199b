import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import { StackedCell, StackedTable } from '../../../shared/components/stacked-table';
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
    <StackedTable highlightOnHover verticalSpacing={6} fz="sm">
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
    </StackedTable>
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
      <StackedCell label="Client" maw={220}>
        {can('clients.read') ? (
          <Anchor component={Link} to={`/clients/${entry.clientId}`} size="sm" title={name} className="truncate">
            {name}
          </Anchor>
        ) : (
          <span title={name} className="truncate">
            {name}
          </span>
        )}
      </StackedCell>
      <StackedCell label="Family" maw={160}>
        <FamilyLink family={{ id: entry.familyId, name: entry.familyName }} linked={can('clients.read')} />
      </StackedCell>
      <StackedCell label="Guardian" maw={180}>
        {entry.guardianName ?? '—'}
        {entry.guardianPhone && (
          <>
            <br />
            <Anchor href={`tel:${entry.guardianPhone}`} size="xs">
              {entry.guardianPhone}
            </Anchor>
          </>
        )}
      </StackedCell>
      {attendance && (
        <StackedCell label="Attendance">
          <AttendanceToggle
            sessionId={roster.sessionId}
            date={date}
            subscriptionId={entry.subscriptionId}
            clientName={name}
            present={attendance.present}
            onMarked={onMarked}
          />
        </StackedCell>
      )}
      <StackedCell ta="right">
        <RosterClientActions entry={entry} sessionId={roster.sessionId} sessionName={roster.sessionName} date={date} />
      </StackedCell>
    </Table.Tr>
  );
}
