import { Temporal } from 'temporal-polyfill';
import { AppError } from '../errors.js';

interface CapacityCheck {
  capacity: number;
  /** The session dates the new enrollment would attend. */
  dates: readonly Temporal.PlainDate[];
  /** Currently enrolled per ISO date; a missing date counts as 0. */
  enrolledByDate: ReadonlyMap<string, number>;
  /** How many clients are being added (default 1; a bulk transfer adds several). */
  adding?: number;
}

const LISTED_DATES = 3;

/** The dates, in calendar order and each once, on which adding would exceed capacity. */
export function fullDates(o: CapacityCheck): Temporal.PlainDate[] {
  const adding = o.adding ?? 1;
  assertCount(o.capacity, 'capacity');
  assertCount(adding, 'adding');
  const full = new Map<string, Temporal.PlainDate>();
  for (const date of o.dates) {
    const key = date.toString();
    if ((o.enrolledByDate.get(key) ?? 0) + adding > o.capacity) full.set(key, date);
  }
  return [...full.values()].sort(Temporal.PlainDate.compare);
}

/** Refuses an enrollment that would overfill any date, unless staff explicitly override (which the caller audits). */
export function assertCapacity(o: CapacityCheck & { override?: boolean }): void {
  const full = fullDates(o);
  if (o.override || full.length === 0) return;
  const isoDates = full.map((date) => date.toString());
  const listed = isoDates.slice(0, LISTED_DATES).join(', ');
  const more = isoDates.length - LISTED_DATES;
  const moreText = more > 0 ? ` and ${more} more date${more === 1 ? '' : 's'}` : '';
  throw new AppError(
    'CAPACITY_FULL',
    `The session is full (capacity ${o.capacity}) on ${listed}${moreText}. ` +
      'Choose another session or another first date.',
    { fullDates: isoDates, capacity: o.capacity },
  );
}

function assertCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AppError('VALIDATION_FAILED', `${field} must be a whole number of clients, 0 or more; got ${value}.`, {
      field,
    });
  }
}
