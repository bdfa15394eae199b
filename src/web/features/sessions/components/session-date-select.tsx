import { NativeSelect } from '@mantine/core';
import type { SessionDateDto } from '../../../api/types';
import { useFormat } from '../../../shared/format/use-format';
import { freeSeatsText } from '../free-seats';

/** A date to offer; its free seats are shown when given, so staff see a full date before choosing it. */
type OfferedDate = Pick<SessionDateDto, 'date' | 'status'> & Partial<Pick<SessionDateDto, 'freeSeats'>>;

interface SessionDateSelectProps {
  label: string;
  description?: string;
  dates: OfferedDate[];
  value: string | null;
  onChange: (date: string) => void;
  error?: string;
}

/** A choice among a session's real dates only; cancelled ones are listed but cannot be chosen. */
export function SessionDateSelect({ label, description, dates, value, onChange, error }: SessionDateSelectProps) {
  const format = useFormat();
  const seats = (freeSeats: number | undefined) =>
    freeSeats === undefined ? '' : freeSeats > 0 ? ` — ${freeSeatsText(freeSeats)}` : ' — full';
  const data = dates.map((d) => ({
    value: d.date,
    label: `${format.date(d.date)}${d.status === 'cancelled' ? ' — cancelled' : seats(d.freeSeats)}`,
    disabled: d.status === 'cancelled',
  }));
  const known = value !== null && dates.some((d) => d.date === value);
  return (
    <NativeSelect
      label={label}
      description={description}
      error={error}
      value={known ? value : ''}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={known ? data : [{ value: '', label: 'Choose a date', disabled: true }, ...data]}
    />
  );
}
