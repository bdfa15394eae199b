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
      // Three side by side at any width: on a phone they share the row.
      w={{ base: 0, sm: 190 }}
      flex={{ base: 1, sm: 'none' }}
      size="xs"
      error={catalog.error ? 'Could not load the choices' : undefined}
    />
  );
  return (
    <Group gap="sm" align="flex-end" wrap="nowrap" w={{ base: '100%', sm: 'auto' }}>
      {field('locationId', 'Location', catalog.locations)}
      {field('instructorId', 'Instructor', catalog.instructors)}
      {field('serviceId', 'Service', catalog.services)}
    </Group>
  );
}
