import { Badge, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import type { SessionDateDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import classes from './session-date-list.module.css';

interface SessionDateListProps {
  dates: SessionDateDto[];
  selected: string | null;
  onSelect: (date: string) => void;
}

/** A session's dates with free seats; choosing one shows its roster. */
export function SessionDateList({ dates, selected, onSelect }: SessionDateListProps) {
  const format = useFormat();
  return (
    <ScrollArea.Autosize mah={{ base: 220, sm: 520 }} type="auto" offsetScrollbars>
      <Stack gap={4} component="ul" className={classes.list} aria-label="Session dates">
        {dates.map((d) => (
          <li key={d.date}>
            <UnstyledButton
              className={classes.item}
              data-selected={d.date === selected || undefined}
              aria-current={d.date === selected ? 'date' : undefined}
              onClick={() => onSelect(d.date)}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" td={d.status === 'cancelled' ? 'line-through' : undefined}>
                  {format.shortDate(d.date)}
                </Text>
                {d.status === 'cancelled' ? (
                  <Badge size="sm" color="orange" variant="light">
                    Cancelled
                  </Badge>
                ) : d.freeSeats > 0 ? (
                  <Text size="xs" c="teal.9">
                    {d.freeSeats} free
                  </Text>
                ) : (
                  <Badge size="sm" color="red" variant="light">
                    Full
                  </Badge>
                )}
              </Group>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
