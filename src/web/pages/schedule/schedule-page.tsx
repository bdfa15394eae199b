import { Alert, Box, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ScheduleEntryDto } from '../../api/types';
import { useOrganization } from '../../features/auth/hooks/use-session';
import type { ScheduleFilters as Filters } from '../../features/schedule/api/schedule-api';
import { RosterDrawer } from '../../features/schedule/components/roster-drawer';
import { ScheduleCalendar, type ScheduleView } from '../../features/schedule/components/schedule-calendar';
import { ScheduleFilters } from '../../features/schedule/components/schedule-filters';
import { useSchedule } from '../../features/schedule/hooks/use-schedule';
import { problemMessage } from '../../shared/components/problem-message';
import { todayIn } from '../../shared/format/dates';

/** The main schedule: a week (or day) of session dates with their seats; a click opens the roster. */
export function SchedulePage() {
  const { timeZone } = useOrganization();
  // View, date and filters live in the URL, so coming back (or sharing a link) shows the same week.
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    locationId: params.get('locationId') ?? undefined,
    instructorId: params.get('instructorId') ?? undefined,
    serviceId: params.get('serviceId') ?? undefined,
  };
  const view: ScheduleView = params.get('view') === 'timeGridDay' ? 'timeGridDay' : 'timeGridWeek';
  const date = params.get('date') ?? todayIn(timeZone);
  const [period, setPeriod] = useState<{ from: string; to: string; view: ScheduleView; date: string } | null>(null);
  const [roster, setRoster] = useState<{ entry: ScheduleEntryDto | null; opened: boolean }>({ entry: null, opened: false });
  const schedule = useSchedule(period, filters);

  function updateParams(changes: Record<string, string | undefined>) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  }

  // The calendar reports its period from its own effects, before this page's navigate() is ready: follow it here.
  useEffect(() => {
    if (period) updateParams({ view: period.view === 'timeGridWeek' ? undefined : period.view, date: period.date });
  }, [period]);

  const entries = schedule.data?.entries ?? [];
  return (
    <Stack gap="sm" h="calc(100vh - 56px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Title order={2}>Schedule</Title>
        <ScheduleFilters value={filters} onChange={(next) => updateParams({ ...next })} />
      </Group>
      <div aria-live="polite">
        {schedule.error ? (
          <Alert color="red" role="alert" title="Could not load the schedule">
            {problemMessage(schedule.error)}
          </Alert>
        ) : schedule.isFetching ? (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">Loading sessions…</Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {`Times in ${timeZone}. `}
            {entries.length === 0
              ? 'No sessions in this period' + (Object.values(filters).some(Boolean) ? ' for these filters.' : '.')
              : `${entries.length} session dates, ${entries.filter((e) => e.full).length} full. Select one to see its roster.`}
          </Text>
        )}
      </div>
      <Box style={{ flex: 1, minHeight: 420 }}>
        <ScheduleCalendar
          entries={entries}
          view={view}
          date={date}
          onPeriodChange={setPeriod}
          onOpen={(entry) => setRoster({ entry, opened: true })}
        />
      </Box>
      <RosterDrawer entry={roster.entry} opened={roster.opened} onClose={() => setRoster((r) => ({ ...r, opened: false }))} />
    </Stack>
  );
}
