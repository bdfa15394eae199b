import { Temporal } from 'temporal-polyfill';

/** The local time each organization's invoice run fires, in its own time zone. */
export const DAILY_RUN_TIME = Temporal.PlainTime.from('02:00');

export interface RecordedRun {
  /** The day a finished run billed as of. */
  runOn: string;
}

/**
 * The organization's daily run that `now` has reached: its local day and the instant that
 * day's 02:00 falls at (a day whose 02:00 the clocks skip runs at the first instant after the
 * gap, e.g. 03:00). Null before 02:00 local: the run of the day before is the one to do.
 */
export function dailyRunAt(o: { timeZone: string; now: Temporal.Instant }): { day: Temporal.PlainDate; from: Temporal.Instant } | null {
  const day = o.now.toZonedDateTimeISO(o.timeZone).toPlainDate();
  const from = dailyRunFrom({ day, timeZone: o.timeZone });
  return Temporal.Instant.compare(o.now, from) < 0 ? null : { day, from };
}

/** The instant a day's run fires at in the zone. */
export function dailyRunFrom(o: { day: Temporal.PlainDate; timeZone: string }): Temporal.Instant {
  return o.day.toZonedDateTime({ timeZone: o.timeZone, plainTime: DAILY_RUN_TIME }).toInstant();
}

/**
 * Whether the day's run has happened: a finished run that billed as of that day or later (the
 * schedule's, or one by hand: either issued every invoice whose issue day had come). A run
 * that never finished does not count (its server died): the run is done again and catches up.
 */
export function dailyRunDone(o: { day: Temporal.PlainDate; runs: readonly RecordedRun[] }): boolean {
  return o.runs.some((run) => Temporal.PlainDate.compare(Temporal.PlainDate.from(run.runOn), o.day) >= 0);
}
