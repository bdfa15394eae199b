import type { SessionDateDto } from '../../api/types';

/** The first of a session's dates that is not cancelled, on or after `onOrAfter` when given; null when none is. */
export function firstRealDate(dates: readonly Pick<SessionDateDto, 'date' | 'status'>[], onOrAfter = ''): string | null {
  return dates.find((d) => d.date >= onOrAfter && d.status !== 'cancelled')?.date ?? null;
}
