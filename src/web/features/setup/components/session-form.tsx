import { Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { PaymentPlan, ServiceDto, SessionInput } from '../../../api/types';
import { MoneyInput } from '../../../shared/components/money-input';
import { weekdayName } from '../../../shared/format/dates';
import { useFormat } from '../../../shared/format/use-format';
import { paymentPlanLabels, paymentPlanOptions } from '../../../shared/format/value-labels';
import { useOrganization } from '../../auth/hooks/use-session';
import { nameOptions, useCatalog } from '../../catalog/hooks/use-catalog';
import type { ResourceFormProps } from './resource-setup';

const isoWeekdays = [1, 2, 3, 4, 5, 6, 7];

type SessionDraft = ResourceFormProps<SessionInput>['value'];

/** What each part of the form gets: the draft, a way to change some of its fields, and the messages by field. */
interface PartProps {
  value: SessionDraft;
  set: (changes: Partial<SessionDraft>) => void;
  errors: Record<string, string>;
}

function numberOrNull(value: string | number): number | null {
  return typeof value === 'number' ? value : null;
}

/** A recurring session: its service, weekdays and local time, dates, seats, price and who and where. */
export function SessionForm({ value, onChange, errors }: ResourceFormProps<SessionInput>) {
  const catalog = useCatalog();
  const service = catalog.services.find((s) => s.id === value.serviceId);
  const part: PartProps = { value, set: (changes) => onChange({ ...value, ...changes }), errors };
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <CatalogSelect label="Service" noun="service" items={catalog.services} field="serviceId" {...part} />
        <TextInput
          label="Name"
          description="As staff say it, e.g. Beginners Tue"
          required
          value={value.name}
          onChange={(event) => part.set({ name: event.currentTarget.value })}
          error={errors.name}
        />
      </SimpleGrid>
      <WeekdaysField {...part} />
      <TimeAndSeats {...part} />
      <SessionDates {...part} />
      <PlanAndPrice service={service} {...part} />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <CatalogSelect label="Instructor" noun="instructor" items={catalog.instructors} field="instructorId" {...part} />
        <CatalogSelect label="Location" noun="location" items={catalog.locations} field="locationId" {...part} />
      </SimpleGrid>
    </Stack>
  );
}

/** A required choice among the organization's services, instructors or locations. */
function CatalogSelect(o: PartProps & {
  label: string;
  noun: string;
  items: { id: string; name: string }[];
  field: 'serviceId' | 'instructorId' | 'locationId';
}) {
  const options = [{ value: '', label: `Choose a ${o.noun}`, disabled: true }, ...nameOptions(o.items)];
  return (
    <NativeSelect
      label={o.label}
      required
      data={options}
      value={o.value[o.field]}
      onChange={(event) => o.set({ [o.field]: event.currentTarget.value })}
      error={o.errors[o.field]}
    />
  );
}

function WeekdaysField({ value, set, errors }: PartProps) {
  const { locale } = useOrganization();
  return (
    <Checkbox.Group
      label="Weekdays"
      required
      value={value.weekdays.map(String)}
      onChange={(days) => set({ weekdays: days.map(Number).sort((a, b) => a - b) })}
      error={errors.weekdays}
    >
      <Group gap="md" mt={4}>
        {isoWeekdays.map((day) => (
          <Checkbox key={day} value={String(day)} label={weekdayName(day, locale)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** When each date starts (in the organization's zone), how long it lasts and how many it takes. */
function TimeAndSeats({ value, set, errors }: PartProps) {
  const { timeZone } = useOrganization();
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }}>
      <TextInput
        type="time"
        label="Start time"
        description={`Local time, ${timeZone}`}
        required
        value={value.startTime}
        onChange={(event) => set({ startTime: event.currentTarget.value })}
        error={errors.startTime}
      />
      <NumberInput
        label="Duration (minutes)"
        required
        min={5}
        max={720}
        value={value.durationMinutes ?? ''}
        onChange={(duration) => set({ durationMinutes: numberOrNull(duration) })}
        error={errors.durationMinutes}
      />
      <NumberInput
        label="Capacity"
        description="Clients per date"
        required
        min={0}
        value={value.capacity ?? ''}
        onChange={(capacity) => set({ capacity: numberOrNull(capacity) })}
        error={errors.capacity}
      />
    </SimpleGrid>
  );
}

/** The first date, and the end (exclusive) or none for an ongoing session. */
function SessionDates({ value, set, errors }: PartProps) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <TextInput
        type="date"
        label="First date"
        required
        value={value.startsOn}
        onChange={(event) => set({ startsOn: event.currentTarget.value })}
        error={errors.startsOn}
      />
      <TextInput
        type="date"
        label="No sessions from"
        description="Leave empty for an ongoing session"
        value={value.endsOn ?? ''}
        onChange={(event) => set({ endsOn: event.currentTarget.value || null })}
        error={errors.endsOn}
      />
    </SimpleGrid>
  );
}

/** The session's own plan and price, or the service's when left empty. */
function PlanAndPrice({ service, value, set, errors }: PartProps & { service: ServiceDto | undefined }) {
  const format = useFormat();
  const asTheService = service ? `As the service (${paymentPlanLabels[service.defaultPaymentPlan]})` : 'As the service';
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <NativeSelect
        label="Payment plan"
        data={[{ value: '', label: asTheService }, ...paymentPlanOptions]}
        value={value.paymentPlan ?? ''}
        onChange={(event) => set({ paymentPlan: (event.currentTarget.value || undefined) as PaymentPlan | undefined })}
        error={errors.paymentPlan}
      />
      <MoneyInput
        label="Price"
        description={service ? `Leave empty for the service's ${format.money(service.defaultPrice)}` : 'Leave empty for the service price'}
        value={value.price ?? null}
        onChange={(price) => set({ price: price ?? undefined })}
        error={errors.price}
      />
    </SimpleGrid>
  );
}
