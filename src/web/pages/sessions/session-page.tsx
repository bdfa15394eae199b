import { Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { EnrollButton } from '../../features/enrollment/components/enroll-button';
import { Link, useParams, useSearchParams } from 'react-router';
import { sessionsApi } from '../../features/catalog/api/catalog-api';
import { useResource } from '../../features/catalog/hooks/use-resource';
import { RosterPanel } from '../../features/sessions/components/roster-panel';
import { SessionDateList } from '../../features/sessions/components/session-date-list';
import { SessionDetails } from '../../features/sessions/components/session-details';
import { firstRealDate } from '../../features/sessions/first-real-date';
import { useSessionDates } from '../../features/sessions/hooks/use-session-dates';
import { QueryState } from '../../shared/components/query-state';
import { addDays } from '../../shared/format/dates';
import { useFormat } from '../../shared/format/use-format';

/** Dates shown: four weeks back (for attendance) and twelve ahead. */
const DATES_WINDOW = { before: 28, after: 84 };

/** One session: what it is, its dates with free seats, and the roster of the chosen date. */
export function SessionPage() {
  const { sessionId } = useParams<{ sessionId: string }>();
  const [params, setParams] = useSearchParams();
  const format = useFormat();
  const today = format.today();
  // The session and its dates are asked for together, not one after the other.
  const session = useResource(sessionsApi, sessionId);
  const dates = useSessionDates(sessionId, { from: addDays(today, -DATES_WINDOW.before), to: addDays(today, DATES_WINDOW.after) });
  const selected = params.get('date') ?? firstRealDate(dates.data ?? [], today);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/" size="sm">
        ← Schedule
      </Anchor>
      <QueryState label="the session" isPending={session.isPending} error={session.error} onRetry={() => void session.refetch()}>
        {session.data && (
          <>
            <Title order={2}>{session.data.name}</Title>
            <SessionDetails session={session.data} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <DatesColumn dates={dates} selected={selected} onSelect={(date) => setParams({ date }, { replace: true })} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 9 }}>
                <Group justify="space-between" mb="xs">
                  <Title order={3} size="h5">
                    Roster
                  </Title>
                  <EnrollButton
                    label="Enroll a client"
                    start={{ session: { id: session.data.id, name: session.data.name }, date: selected ?? undefined }}
                  />
                </Group>
                {sessionId && selected ? (
                  <RosterPanel sessionId={sessionId} date={selected} withAttendance />
                ) : (
                  <Text size="sm" c="dimmed">
                    Choose a date to see who comes.
                  </Text>
                )}
              </Grid.Col>
            </Grid>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

interface DatesColumnProps {
  dates: ReturnType<typeof useSessionDates>;
  selected: string | null;
  onSelect: (date: string) => void;
}

function DatesColumn({ dates, selected, onSelect }: DatesColumnProps) {
  return (
    <>
      <Title order={3} size="h5" mb="xs">
        Dates
      </Title>
      <QueryState
        label="the dates"
        isPending={dates.isPending}
        error={dates.error}
        onRetry={() => void dates.refetch()}
        empty={{ when: (dates.data ?? []).length === 0, title: 'No dates in these weeks' }}
      >
        <SessionDateList dates={dates.data ?? []} selected={selected} onSelect={onSelect} />
      </QueryState>
    </>
  );
}
