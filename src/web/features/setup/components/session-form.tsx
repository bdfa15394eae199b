import { Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { PaymentPlan, SessionInput } from '../../../api/types';
import { MoneyInput } from '../../../shared/components/money-input';
import { weekdayName } from '../../../shared/format/dates';
import { paymentPlanLabels, paymentPlanOptions } from '../../../shared/format/value-labels';
import { useFormat } from '../../../shared/format/use-format';
import { useOrganization } from '../../auth/hooks/use-session';
import { useCatalog } from '../../catalog/hooks/use-catalog';
import type { ResourceFormProps } from './resource-setup';

const isoWeekdays = [1, 2, 3, 4, 5, 6, 7];

function optionsOf(items: { id: string; name: string }[], noun: string) {
  return [{ value: '', label: `Choose a ${noun}`, disabled: true }, ...items.map((item) => ({ value: item.id, label: item.name }))];
}

function numberOrNull(value: string | number): number | null {
  return typeof value === 'number' ? value : null;
}

/** A recurring session: its service, weekdays and local time, dates, seats, price and who and where. */
export function SessionForm({ value, onChange, errors }: ResourceFormProps<SessionInput>) {
  const { locale, timeZone } = useOrganization();
  const format = useFormat();
  const catalog = useCatalog();
  const service = catalog.services.find((s) => s.id === value.serviceId);
  const set = (changes: Partial<typeof value>) => onChange({ ...value, ...changes });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2}>
        <NativeSelect
          label="Service"
          required
          data={optionsOf(catalog.services, 'service')}
          value={value.serviceId}
          onChange={(event) => set({ serviceId: event.currentTarget.value })}
          error={errors.serviceId}
        />
        <TextInput
          label="Name"
          description="As staff say it, e.g. Beginners Tue"
          required
          value={value.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          error={errors.name}
        />
      </SimpleGrid>
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
      <SimpleGrid cols={3}>
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
      <SimpleGrid cols={2}>
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
      <SimpleGrid cols={2}>
        <NativeSelect
          label="Payment plan"
          data={[
            { value: '', label: service ? `As the service (${paymentPlanLabels[service.defaultPaymentPlan]})` : 'As the service' },
            ...paymentPlanOptions,
          ]}
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
      <SimpleGrid cols={2}>
        <NativeSelect
          label="Instructor"
          required
          data={optionsOf(catalog.instructors, 'instructor')}
          value={value.instructorId}
          onChange={(event) => set({ instructorId: event.currentTarget.value })}
          error={errors.instructorId}
        />
        <NativeSelect
          label="Location"
          required
          data={optionsOf(catalog.locations, 'location')}
          value={value.locationId}
          onChange={(event) => set({ locationId: event.currentTarget.value })}
          error={errors.locationId}
        />
      </SimpleGrid>
    </Stack>
  );
}
