import { Badge, Button, Group, Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { StepHeading } from '../../../shared/components/step-heading';
import type { SessionDto } from '../../../api/types';
import { QueryState } from '../../../shared/components/query-state';
import { addDays } from '../../../shared/format/dates';
import { useFormat } from '../../../shared/format/use-format';
import { pricePer } from '../../../shared/format/value-labels';
import { rovingRadios } from '../../../shared/forms/roving-radios';
import { FULL_PAGE, sessionsApi } from '../../catalog/api/catalog-api';
import { useResourceList } from '../../catalog/hooks/use-resource';
import { usePeopleSearch } from '../../search/hooks/use-people-search';
import { freeSeatsText } from '../../sessions/free-seats';
import { useSessionDates } from '../../sessions/hooks/use-session-dates';

export interface ChosenClient {
  id: string;
  name: string;
  familyName?: string;
}

/** Step: who to enroll, found by their name or a parent's name, phone or email. */
export function ClientStep(props: { selected: ChosenClient | null; onSelect: (client: ChosenClient) => void; onContinue: () => void; onNewFamily?: () => void }) {
  const { selected, onSelect, onContinue, onNewFamily } = props;
  const [words, setWords] = useState('');
  const { results, found } = usePeopleSearch(words);
  // Children found by their own name, or through a parent or family found by theirs.
  const clients = new Map<string, ChosenClient>();
  for (const c of found?.clients ?? []) clients.set(c.id, { id: c.id, name: `${c.firstName} ${c.lastName}`, familyName: c.familyName });
  for (const g of found?.guardians ?? [])
    for (const c of g.children) clients.set(c.id, { id: c.id, name: `${c.firstName} ${c.lastName}`, familyName: g.familyName });
  for (const f of found?.families ?? [])
    for (const c of f.children) clients.set(c.id, { id: c.id, name: `${c.firstName} ${c.lastName}`, familyName: f.name });
  const list = [...clients.values()];
  const roving = rovingRadios(
    list.map((c) => c.id),
    selected?.id ?? null,
    (id) => onSelect(clients.get(id)!),
  );
  return (
    <Stack gap="sm">
      <StepHeading>Who is enrolling?</StepHeading>
      <TextInput
        label="Client, parent or family"
        description="A name, a parent's phone or email; accents and capitals do not matter."
        value={words}
        onChange={(event) => setWords(event.currentTarget.value)}
        rightSection={results.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
        autoComplete="off"
      />
      <Radio.Group label="Client" value={selected?.id ?? null} onChange={(id) => onSelect(clients.get(id)!)}>
        <Stack gap={6} mt="xs" onKeyDown={roving.onKeyDown} aria-live="polite">
          {!found ? (
            <Text size="sm" c="dimmed">
              Type at least 2 letters or digits.
            </Text>
          ) : list.length === 0 ? (
            <Text size="sm">Nobody matches these words.</Text>
          ) : (
            list.map((client) => (
              <Radio.Card key={client.id} value={client.id} p="xs" radius="sm" aria-label={`${client.name}, ${client.familyName} family`} {...roving.cardProps(client.id)}>
                <Group wrap="nowrap" gap="sm">
                  <Radio.Indicator />
                  <Text size="sm" fw={600} truncate="end" title={client.name}>
                    {client.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end">
                    {client.familyName} family
                  </Text>
                </Group>
              </Radio.Card>
            ))
          )}
        </Stack>
      </Radio.Group>
      <Group justify="space-between">
        {onNewFamily ? (
          <Button variant="subtle" onClick={onNewFamily}>
            New family
          </Button>
        ) : (
          <span />
        )}
        <Button onClick={onContinue} disabled={!selected}>
          Continue to session
        </Button>
      </Group>
    </Stack>
  );
}

/** Step: which session, with its day, time, price and seats. */
export function SessionStep(props: { selected: SessionDto | null; onSelect: (session: SessionDto) => void; onBack?: () => void; onContinue: () => void }) {
  const { selected, onSelect, onBack, onContinue } = props;
  const format = useFormat();
  const sessions = useResourceList(sessionsApi, { limit: FULL_PAGE });
  const all = (sessions.data?.items ?? []).filter((s) => s.nextDates.length > 0);
  const roving = rovingRadios(
    all.map((s) => s.id),
    selected?.id ?? null,
    (id) => onSelect(all.find((s) => s.id === id)!),
  );
  return (
    <QueryState label="the sessions" isPending={sessions.isPending} error={sessions.error} onRetry={() => void sessions.refetch()}>
      <Stack gap="sm">
        <StepHeading>Which session?</StepHeading>
        <Radio.Group label="Session" value={selected?.id ?? null} onChange={(id) => onSelect(all.find((s) => s.id === id)!)}>
          <Stack gap={6} mt="xs" onKeyDown={roving.onKeyDown}>
            {all.map((session) => (
              <Radio.Card key={session.id} value={session.id} p="xs" radius="sm" aria-label={session.name} {...roving.cardProps(session.id)}>
                <Group wrap="nowrap" gap="sm">
                  <Radio.Indicator />
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} truncate="end">
                      {session.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {format.weekdays(session.weekdays)} {format.time(session.startTime)} · {format.money(session.price)} {pricePer[session.paymentPlan]} ·{' '}
                      {session.capacity} seats
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="space-between">
          {onBack ? (
            <Button variant="default" onClick={onBack}>
              Back
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={onContinue} disabled={!selected}>
            Continue to first date
          </Button>
        </Group>
      </Stack>
    </QueryState>
  );
}

/** Step: the first date the client comes, from the session's real dates with their free seats; full and cancelled dates cannot be picked. */
export function DateStep(props: { sessionId: string; from: string; selected: string | null; onSelect: (date: string) => void; onBack?: () => void; onContinue: () => void }) {
  const { sessionId, from, selected, onSelect, onBack, onContinue } = props;
  const format = useFormat();
  const dates = useSessionDates(sessionId, { from, to: addDays(from, 12 * 7) });
  const open = (dates.data ?? []).filter((d) => d.status !== 'cancelled' && d.freeSeats > 0);
  const choose = (date: string) => onSelect(date);
  useEffect(() => {
    if (!selected && open[0]) onSelect(open[0].date);
  }, [selected, open[0]?.date]);
  const roving = rovingRadios(
    open.map((d) => d.date),
    selected,
    choose,
  );
  return (
    <QueryState
      label="the session's dates"
      isPending={dates.isPending}
      error={dates.error}
      onRetry={() => void dates.refetch()}
      empty={{ when: (dates.data ?? []).length === 0, title: 'No dates in the next twelve weeks' }}
    >
      <Stack gap="sm">
        <StepHeading>First date</StepHeading>
        <Radio.Group label="The first date the client comes" value={selected} onChange={choose}>
          <Stack gap={6} mt="xs" onKeyDown={roving.onKeyDown}>
            {(dates.data ?? []).map((d) => {
              const unavailable = d.status === 'cancelled' ? 'Cancelled' : d.freeSeats === 0 ? 'Full' : null;
              const seats = unavailable ?? freeSeatsText(d.freeSeats);
              return (
                <Radio.Card
                  key={d.date}
                  value={d.date}
                  p="xs"
                  radius="sm"
                  disabled={unavailable !== null}
                  aria-label={`${format.date(d.date)}, ${seats}`}
                  {...roving.cardProps(d.date)}
                  tabIndex={unavailable ? -1 : roving.cardProps(d.date).tabIndex}
                >
                  <Group wrap="nowrap" gap="sm" justify="space-between">
                    <Group gap="sm" wrap="nowrap">
                      <Radio.Indicator disabled={unavailable !== null} />
                      <Text size="sm" td={d.status === 'cancelled' ? 'line-through' : undefined}>
                        {format.date(d.date)}
                      </Text>
                    </Group>
                    {unavailable ? (
                      <Badge color={d.status === 'cancelled' ? 'orange' : 'red'} variant="light">
                        {unavailable}
                      </Badge>
                    ) : (
                      <Text size="sm" c="teal.9">
                        {seats}
                      </Text>
                    )}
                  </Group>
                </Radio.Card>
              );
            })}
          </Stack>
        </Radio.Group>
        <Group justify="space-between">
          {onBack ? (
            <Button variant="default" onClick={onBack}>
              Back
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={onContinue} disabled={!selected}>
            Continue to payment
          </Button>
        </Group>
      </Stack>
    </QueryState>
  );
}
