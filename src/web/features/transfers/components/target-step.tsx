import { Badge, Button, Group, NativeSelect, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useCan } from '../../auth/hooks/use-permission';
import type { TransferTargetDto } from '../../../api/types';
import { QueryState } from '../../../shared/components/query-state';
import { useFormat } from '../../../shared/format/use-format';
import { freeSeatsText } from '../../sessions/free-seats';
import { useTransferTargets } from '../hooks/use-transfer-targets';
import type { TransferStart } from '../transfer-start';
import { pricePer } from '../../../shared/format/value-labels';
import { rovingRadios } from '../../../shared/forms/roving-radios';

interface TargetStepProps {
  start: TransferStart;
  selected: TransferTargetDto | null;
  onSelect: (target: TransferTargetDto) => void;
  onContinue: () => void;
}

/** Step 1: another session of the same service or of another service. Full ones stay selectable, marked. */
export function TargetStep({ start, selected, onSelect, onContinue }: TargetStepProps) {
  const targets = useTransferTargets(start.subscriptionId, start.transferDate);
  const [serviceId, setServiceId] = useState('');
  const all = targets.data?.targets ?? [];
  const services = [...new Map(all.map((t) => [t.serviceId, t.serviceName])).entries()];
  const shown = serviceId ? all.filter((t) => t.serviceId === serviceId) : all;
  const list = useRef<HTMLDivElement>(null);
  // A request opens with its session already chosen: bring that card into view, once.
  const shownChosen = useRef(false);
  useEffect(() => {
    if (shownChosen.current || !selected || !list.current) return;
    shownChosen.current = true;
    list.current.querySelector<HTMLElement>(`[data-value="${CSS.escape(selected.sessionId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected, all.length]);
  const roving = rovingRadios(
    shown.map((t) => t.sessionId),
    selected?.sessionId ?? null,
    (sessionId) => onSelect(all.find((t) => t.sessionId === sessionId)!),
  );

  return (
    <QueryState
      label="sessions to transfer to"
      isPending={targets.isPending}
      error={targets.error}
      onRetry={() => void targets.refetch()}
      empty={{ when: all.length === 0, title: 'No other session to transfer to', description: 'Create another session in Setup first.' }}
    >
      <Stack gap="sm">
        <NativeSelect
          label="Service"
          value={serviceId}
          onChange={(event) => setServiceId(event.currentTarget.value)}
          data={[{ value: '', label: `All services (${all.length} sessions)` }, ...services.map(([value, label]) => ({ value, label }))]}
          w={{ base: '100%', xs: 320 }}
        />
        <Radio.Group
          label="Session to transfer to"
          value={selected?.sessionId ?? null}
          onChange={(sessionId) => onSelect(all.find((t) => t.sessionId === sessionId)!)}
        >
          <ScrollArea.Autosize mah={{ base: 'none', sm: 330 }} type="auto" mt="xs" offsetScrollbars>
            <Stack gap={6} onKeyDown={roving.onKeyDown} ref={list}>
              {shown.map((target) => (
                <TargetCard key={target.sessionId} target={target} {...roving.cardProps(target.sessionId)} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Radio.Group>
        <Group justify="flex-end">
          <Button onClick={onContinue} disabled={!selected}>
            Continue to dates
          </Button>
        </Group>
      </Stack>
    </QueryState>
  );
}

function TargetCard({ target, ...cardProps }: { target: TransferTargetDto; tabIndex: number; 'data-value': string }) {
  const format = useFormat();
  const can = useCan();
  const seatsText = target.full
    ? `Full${target.freeSeats > 0 ? ` on some dates (${target.freeSeats} free on the first)` : ''}`
    : freeSeatsText(target.freeSeats);
  // Said before it is picked: who may still enroll beyond capacity (audited), so front desk is not
  // surprised by a refusal in step 2 and a manager knows the full session is still theirs to choose.
  const fullHint = target.full ? (can('capacity.override') ? 'you may enroll beyond capacity' : 'a manager can enroll beyond capacity') : null;
  return (
    <Radio.Card
      value={target.sessionId}
      p="xs"
      radius="sm"
      aria-label={`${target.sessionName}, ${seatsText}${fullHint ? `; ${fullHint}` : ''}`}
      {...cardProps}
    >
      <Group wrap="nowrap" gap="sm" align="center">
        <Radio.Indicator />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {target.sessionName}
            </Text>
            <Text size="xs" c="dimmed">
              {target.serviceName}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {format.weekdays(target.weekdays)} {format.time(target.startTime)} · {target.instructorName} · {target.locationName} ·{' '}
            {format.money(target.price)} {pricePer[target.paymentPlan]}
          </Text>
          {fullHint && (
            <Text size="xs" c="dimmed">
              {fullHint[0]!.toUpperCase() + fullHint.slice(1)}.
            </Text>
          )}
        </div>
        {target.full ? (
          <Badge color="red" variant="light">
            {seatsText}
          </Badge>
        ) : (
          <Text size="sm" c="teal.9">
            {seatsText}
          </Text>
        )}
      </Group>
    </Radio.Card>
  );
}
