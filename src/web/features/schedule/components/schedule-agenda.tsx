import { Badge, Button, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Temporal } from 'temporal-polyfill';
import type { ScheduleEntryDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import classes from './schedule-agenda.module.css';

interface ScheduleAgendaProps {
  entries: ScheduleEntryDto[];
  /** The local dates shown, [from, to): a week from Monday. */
  period: { from: string; to: string };
  onDateChange: (date: string) => void;
  onOpen: (entry: ScheduleEntryDto) => void;
}

/**
 * The schedule on a phone: the week as a list, day by day, each session date a full-width row
 * with its time and seats (seven calendar columns would be slivers at 390 px). The calendar's
 * code is not even loaded there.
 */
export function ScheduleAgenda({ entries, period, onDateChange, onOpen }: ScheduleAgendaProps) {
  const format = useFormat();
  const days = daysOf(period);
  const byDay = new Map<string, ScheduleEntryDto[]>();
  for (const entry of entries) byDay.set(entry.date, [...(byDay.get(entry.date) ?? []), entry]);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap={4} wrap="nowrap">
          <Button variant="default" size="sm" onClick={() => onDateChange(addDays(period.from, -7))} aria-label="Previous week">
            ‹
          </Button>
          <Button variant="default" size="sm" onClick={() => onDateChange(addDays(period.from, 7))} aria-label="Next week">
            ›
          </Button>
          <Button variant="default" size="sm" onClick={() => onDateChange(format.today())}>
            Today
          </Button>
        </Group>
        <Title order={3} size="h5" ta="right">
          {format.period(period.from, period.to)}
        </Title>
      </Group>
      {days.map((day) => {
        const dayEntries = (byDay.get(day) ?? []).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
        return (
          <section key={day} aria-label={format.date(day)} className={classes.day} data-today={day === format.today() || undefined}>
            <Text fw={700} size="sm" mb={4}>
              {format.date(day)}
            </Text>
            {dayEntries.length === 0 ? (
              <Text size="sm" c="dimmed">
                No sessions
              </Text>
            ) : (
              <ul className={classes.list}>
                {dayEntries.map((entry) => (
                  <li key={`${entry.sessionId}:${entry.date}`}>
                    <AgendaEntry entry={entry} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Stack>
  );
}

function AgendaEntry({ entry, onOpen }: { entry: ScheduleEntryDto; onOpen: (entry: ScheduleEntryDto) => void }) {
  const format = useFormat();
  // One sentence for screen readers, as the week calendar's events say it.
  const spoken = [
    entry.sessionName,
    format.time(entry.localStartTime),
    `${entry.enrolled}/${entry.capacity} enrolled`,
    entry.full && 'full',
    entry.status === 'cancelled' && 'cancelled',
  ].filter(Boolean);
  return (
    <UnstyledButton className={classes.entry} data-full={entry.full || undefined} onClick={() => onOpen(entry)} aria-label={spoken.join(', ')}>
      <Text size="sm" className={classes.time}>
        {format.time(entry.localStartTime)}
      </Text>
      <span className={classes.name}>
        <Text size="sm" fw={600} truncate="end" title={entry.sessionName}>
          {entry.sessionName}
        </Text>
        <Text size="xs" c="dimmed" truncate="end">
          {entry.instructorName} · {entry.locationName}
        </Text>
      </span>
      {entry.status === 'cancelled' ? (
        <Badge color="gray" variant="light">
          Cancelled
        </Badge>
      ) : (
        <Badge color={entry.full ? 'red' : 'teal'} variant="light">
          {entry.full ? `Full ${entry.enrolled}/${entry.capacity}` : `${entry.enrolled}/${entry.capacity}`}
        </Badge>
      )}
    </UnstyledButton>
  );
}

function addDays(date: string, days: number) {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

function daysOf(period: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let day = period.from; day < period.to; day = addDays(day, 1)) days.push(day);
  return days;
}
