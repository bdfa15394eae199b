import { Anchor, Drawer, Group, Stack, Text } from '@mantine/core';
import { EnrollButton } from '../../enrollment/components/enroll-button';
import { Link } from 'react-router';
import type { ScheduleEntryDto } from '../../../api/types';
import { RosterPanel } from '../../sessions/components/roster-panel';
import { useOpenedAfterMount } from '../../../shared/components/opened-after-mount';

interface RosterDrawerProps {
  /** Kept while closing, so the content does not vanish during the closing transition. */
  entry: ScheduleEntryDto | null;
  opened: boolean;
  onClose: () => void;
}

/**
 * The roster of the session date clicked on the schedule; transfers start from here. Its code
 * (the drawer, the roster's row menus) loads with the first click, not with the schedule.
 */
export function RosterDrawer({ entry, opened, onClose }: RosterDrawerProps) {
  const shown = useOpenedAfterMount(opened);
  return (
    <Drawer
      opened={shown}
      onClose={onClose}
      position="right"
      size={600}
      title={entry ? <Text fw={700}>{entry.sessionName}</Text> : null}
    >
      {entry && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {entry.serviceName} · {entry.instructorName} · {entry.locationName}
          </Text>
          <RosterPanel sessionId={entry.sessionId} date={entry.date} />
          <Group justify="space-between" gap="sm">
            <Anchor component={Link} to={`/sessions/${entry.sessionId}?date=${entry.date}`} size="sm">
              Open the session view of {entry.sessionName}
            </Anchor>
            <EnrollButton label="Enroll a client" start={{ session: { id: entry.sessionId, name: entry.sessionName }, date: entry.date }} />
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
