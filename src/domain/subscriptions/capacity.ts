import { Temporal } from 'temporal-polyfill';
import { AppError } from '../errors.js';
import { writeDates } from '../formatting/intl-formats.js';

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
export function assertCapacity(o: CapacityCheck & { override?: boolean; locale: string }): void {
  const full = fullDates(o);
  if (o.override || full.length === 0) return;
  const isoDates = full.map((date) => date.toString());
  const listed = writeDates(full.slice(0, LISTED_DATES), o.locale);
  const more = isoDates.length - LISTED_DATES;
  const moreText = more > 0 ? ` and ${more} more date${more === 1 ? '' : 's'}` : '';
  throw new AppError(
    'CAPACITY_FULL',
    `It is full (${o.capacity} seats) on ${listed}${moreText}. ` +
      'Choose another session or another first date.',
    { fullDates: isoDates, capacity: o.capacity },
  );
}

function assertCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AppError('VALIDATION_FAILED', `A number of clients (${field}) must be a whole number, 0 or more; got ${value}.`);
  }
}
