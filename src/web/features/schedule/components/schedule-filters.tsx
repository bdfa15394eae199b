import { Group, Select } from '@mantine/core';
import { nameOptions, useCatalog } from '../../catalog/hooks/use-catalog';
import type { ScheduleFilters as Filters } from '../api/schedule-api';

interface ScheduleFiltersProps {
  value: Filters;
  onChange: (filters: Filters) => void;
  /** False holds back the lists of locations, instructors and services. */
  loadChoices?: boolean;
}

/** Narrow the schedule to one location, instructor or service. */
export function ScheduleFilters({ value, onChange, loadChoices = true }: ScheduleFiltersProps) {
  const catalog = useCatalog({ enabled: loadChoices });
  const field = (key: keyof Filters, label: string, items: { id: string; name: string }[]) => (
    <Select
      label={label}
      placeholder={`All ${label.toLowerCase()}s`}
      data={nameOptions(items)}
      value={value[key] ?? null}
      onChange={(id) => onChange({ ...value, [key]: id ?? undefined })}
      clearable
      searchable
      w={190}
      size="xs"
      error={catalog.error ? 'Could not load the choices' : undefined}
    />
  );
  return (
    <Group gap="sm" align="flex-end">
      {field('locationId', 'Location', catalog.locations)}
      {field('instructorId', 'Instructor', catalog.instructors)}
      {field('serviceId', 'Service', catalog.services)}
    </Group>
  );
}
