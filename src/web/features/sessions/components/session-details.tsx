import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SessionDto } from '../../../api/types';
import { paymentPlanLabels, pricePer } from '../../../shared/format/value-labels';
import { useFormat } from '../../../shared/format/use-format';
import { useOrganization } from '../../auth/hooks/use-session';
import { useCatalog } from '../../catalog/hooks/use-catalog';

/** What a session is: service, when, who, where, how many, and what it costs. */
export function SessionDetails({ session }: { session: SessionDto }) {
  const format = useFormat();
  const { timeZone } = useOrganization();
  const catalog = useCatalog();
  const runs = session.endsOn
    ? `${format.date(session.startsOn)} until ${format.date(session.endsOn)} (no session from then)`
    : `From ${format.date(session.startsOn)}, ongoing`;
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="sm">
        <Fact label="Service">{catalog.serviceName.get(session.serviceId) ?? '…'}</Fact>
        <Fact label="When">
          {format.weekdays(session.weekdays)} {format.time(session.startTime)}, {session.durationMinutes} min
          <Text size="xs" c="dimmed">
            {timeZone}
          </Text>
        </Fact>
        <Fact label="Instructor">{catalog.instructorName.get(session.instructorId) ?? '…'}</Fact>
        <Fact label="Location">{catalog.locationName.get(session.locationId) ?? '…'}</Fact>
        <Fact label="Capacity">{session.capacity} clients</Fact>
        <Fact label="Price">
          {format.money(session.price)} {pricePer[session.paymentPlan]}
          <Text size="xs" c="dimmed">
            {paymentPlanLabels[session.paymentPlan]} plan
          </Text>
        </Fact>
        <Fact label="Sessions this month">{session.sessionsThisMonth}</Fact>
        <Fact label="Runs">{runs}</Fact>
      </SimpleGrid>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
