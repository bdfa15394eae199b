import { Alert, Box, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { ScheduleEntryDto } from '../../api/types';
import { useOrganization } from '../../features/auth/hooks/use-session';
import type { ScheduleFilters as Filters } from '../../features/schedule/api/schedule-api';
import { ScheduleAgenda } from '../../features/schedule/components/schedule-agenda';
import { ScheduleFilters } from '../../features/schedule/components/schedule-filters';
import { useSchedule } from '../../features/schedule/hooks/use-schedule';
import { readScheduleSearch, schedulePeriod, type ScheduleView } from '../../features/schedule/schedule-period';
import { problemMessage } from '../../shared/components/problem-message';

/** Phones (below Mantine's sm breakpoint, where the menu folds away) get the week as a list. */
const phoneQuery = '(max-width: 47.99em)';

// The calendar (the heaviest code of the app) is loaded only where it is drawn: not on a phone.
// Elsewhere it is asked for as soon as this page's code runs, alongside the week's sessions.
const loadCalendar = () => import('../../features/schedule/components/schedule-calendar');
if (!window.matchMedia(phoneQuery).matches) void loadCalendar();
const ScheduleCalendar = lazy(() => loadCalendar().then((m) => ({ default: m.ScheduleCalendar })));

// The roster drawer (with its row menus) is wanted only once a session date is opened: its code is
// fetched as soon as someone reaches for the page (a pointer or a finger on it, a focus inside), ahead
// of the click that opens it, and not while the first screen is still coming in.
const loadRosterDrawer = () => import('../../features/schedule/components/roster-drawer');
const reachingForThePage = () => void loadRosterDrawer();
const RosterDrawer = lazy(() => loadRosterDrawer().then((m) => ({ default: m.RosterDrawer })));

/** The same empty list at every render, so the calendar is not drawn again for nothing. */
const noEntries: ScheduleEntryDto[] = [];

type Period = { from: string; to: string; view: ScheduleView; date: string };

/** The main schedule: a week (or day) of session dates with their seats; a click opens the roster. */
export function SchedulePage() {
  const { view, date, filters, setFilters, setPeriod, period, setDate } = useScheduleAddress();
  // Known at the first render (not after an effect), so a phone never starts drawing the calendar.
  const onPhone = useMediaQuery(phoneQuery, window.matchMedia(phoneQuery).matches, { getInitialValueInEffect: false });
  const [roster, setRoster] = useState<{ entry: ScheduleEntryDto | null; opened: boolean }>({ entry: null, opened: false });
  // Until the calendar reports its period, the one it is about to show: the dates load while it is drawn.
  const agendaPeriod = schedulePeriod('timeGridWeek', date);
  const schedule = useSchedule(onPhone ? agendaPeriod : (period ?? schedulePeriod(view, date)), filters);
  const openRoster = useCallback((entry: ScheduleEntryDto) => setRoster({ entry, opened: true }), []);
  // The week's rows are drawn in the background (in slices), so a phone stays responsive while a long
  // list is drawn; the line that counts them comes at once.
  const answered = schedule.data?.entries ?? noEntries;
  const entries = useDeferredValue(answered);
  return (
    <Stack
      gap="sm"
      h={onPhone ? undefined : 'calc(100vh - 56px - 2 * var(--mantine-spacing-md))'}
      onPointerOver={reachingForThePage}
      onFocus={reachingForThePage}
    >
      <Group justify="space-between" align="flex-end" wrap={onPhone ? 'wrap' : 'nowrap'}>
        <Title order={2}>Schedule</Title>
        {/* The filters' choices wait for the schedule: the lists would compete with it for the server. */}
        <ScheduleFilters value={filters} onChange={setFilters} loadChoices={!schedule.isPending} />
      </Group>
      <div aria-live="polite">
        <ScheduleStatus
          error={schedule.error}
          loading={schedule.isFetching}
          entries={answered}
          filtered={Object.values(filters).some(Boolean)}
        />
      </div>
      {onPhone ? (
        agendaPeriod && <ScheduleAgenda entries={entries} period={agendaPeriod} onDateChange={setDate} onOpen={openRoster} />
      ) : (
        <Box style={{ flex: 1, minHeight: 420 }}>
          {/* Drawn once the first answer is in (the box keeps its place meanwhile): its hours follow the
              sessions, and a grid drawn for 7:00–21:00 first would then jump to the day's real hours. */}
          {!schedule.isPending && (
            <Suspense fallback={null}>
              <ScheduleCalendar entries={entries} view={view} date={date} onPeriodChange={setPeriod} onOpen={openRoster} />
            </Suspense>
          )}
        </Box>
      )}
      {roster.entry && (
        <Suspense fallback={null}>
          <RosterDrawer entry={roster.entry} opened={roster.opened} onClose={() => setRoster((r) => ({ ...r, opened: false }))} />
        </Suspense>
      )}
    </Stack>
  );
}

/**
 * View, date and filters live in the URL, so coming back (or sharing a link) shows the same
 * week; the period the calendar shows is followed into it.
 */
function useScheduleAddress() {
  const { timeZone } = useOrganization();
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const [period, setPeriod] = useState<Period | null>(null);

  function updateParams(changes: Record<string, string | undefined>) {
    // The calendar may report its period after someone has already left for another screen (still
    // loading, so this one is still drawn): the browser's address is that screen's now, and
    // writing the schedule's week into it would take them back.
    if (window.location.pathname !== pathname) return;
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

  const setFilters = (filters: Filters) => updateParams({ ...filters });
  const setDate = (date: string) => updateParams({ date });
  return { ...readScheduleSearch(params, timeZone), setFilters, period, setPeriod, setDate };
}

interface ScheduleStatusProps {
  error: unknown;
  loading: boolean;
  entries: ScheduleEntryDto[];
  filtered: boolean;
}

/** What the grid shows, in words: loading, refused, nothing, or how many sessions and how many full. */
function ScheduleStatus({ error, loading, entries, filtered }: ScheduleStatusProps) {
  const { timeZone } = useOrganization();
  if (error) {
    return (
      <Alert color="red" role="alert" title="Could not load the schedule">
        {problemMessage(error)}
      </Alert>
    );
  }
  if (loading) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Loading sessions…</Text>
      </Group>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {`Times in ${timeZone}. `}
      {entries.length === 0
        ? 'No sessions in this period' + (filtered ? ' for these filters.' : '.')
        : `${entries.length} session dates, ${entries.filter((e) => e.full).length} full. Select one to see its roster.`}
    </Text>
  );
}
