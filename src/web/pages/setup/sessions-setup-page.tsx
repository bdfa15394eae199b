import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { SessionDto } from '../../api/types';
import { sessionsApi } from '../../features/catalog/api/catalog-api';
import { useCatalog } from '../../features/catalog/hooks/use-catalog';
import { ResourceSetup } from '../../features/setup/components/resource-setup';
import { SessionForm } from '../../features/setup/components/session-form';
import { useFormat } from '../../shared/format/use-format';
import { pricePer } from '../../shared/format/value-labels';

export function SessionsSetupPage() {
  const format = useFormat();
  const columns = useSessionColumns();
  return (
    <ResourceSetup
      title="Sessions"
      noun="session"
      description="Recurring series of a service: weekdays, local start time, seats and price."
      permission="catalog.write"
      api={sessionsApi}
      columns={columns}
      nameOf={(session) => session.name}
      emptyInput={() => newSession(format.today())}
      toInput={sessionInput}
      required={{
        serviceId: 'Choose a service',
        name: 'Give the session a name',
        weekdays: 'Choose at least one weekday',
        startTime: 'Enter the start time',
        durationMinutes: 'Enter the duration in minutes',
        capacity: 'Enter how many clients fit',
        startsOn: 'Enter the first date',
        instructorId: 'Choose an instructor',
        locationId: 'Choose a location',
      }}
      Form={SessionForm}
    />
  );
}

function useSessionColumns(): { header: string; cell: (session: SessionDto) => ReactNode }[] {
  const format = useFormat();
  const catalog = useCatalog();
  return [
    {
      header: 'Name',
      cell: (session) => (
        <Anchor component={Link} to={`/sessions/${session.id}`} size="sm">
          {session.name}
        </Anchor>
      ),
    },
    { header: 'Service', cell: (session) => catalog.serviceName.get(session.serviceId) ?? '…' },
    { header: 'When', cell: (session) => `${format.weekdays(session.weekdays)} ${format.time(session.startTime)}` },
    { header: 'Instructor', cell: (session) => catalog.instructorName.get(session.instructorId) ?? '…' },
    { header: 'Location', cell: (session) => catalog.locationName.get(session.locationId) ?? '…' },
    { header: 'Seats', cell: (session) => session.capacity },
    { header: 'Price', cell: (session) => `${format.money(session.price)} ${pricePer[session.paymentPlan]}` },
  ];
}

/** A new session's defaults: from today, 16:00 for 45 minutes, eight seats; its plan and price the service's. */
function newSession(today: string) {
  return {
    serviceId: '',
    name: '',
    weekdays: [],
    startTime: '16:00',
    durationMinutes: 45,
    startsOn: today,
    endsOn: null,
    capacity: 8,
    instructorId: '',
    locationId: '',
  };
}

function sessionInput(session: SessionDto) {
  return {
    serviceId: session.serviceId,
    name: session.name,
    weekdays: session.weekdays,
    startTime: session.startTime,
    durationMinutes: session.durationMinutes,
    startsOn: session.startsOn,
    endsOn: session.endsOn,
    capacity: session.capacity,
    instructorId: session.instructorId,
    locationId: session.locationId,
    paymentPlan: session.paymentPlan,
    price: session.price,
  };
}
