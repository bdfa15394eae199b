import { Temporal } from 'temporal-polyfill';

/**
 * The session dates a subscription covers: startsOn inclusive, endsOn exclusive (the date the
 * client is unenrolled from), null = ongoing. endsOn on or before startsOn covers nothing, as when
 * a subscription is transferred away before its first date.
 */
export interface SubscriptionPeriod {
  startsOn: Temporal.PlainDate;
  endsOn: Temporal.PlainDate | null;
}

export function coversDate(o: { period: SubscriptionPeriod; date: Temporal.PlainDate }): boolean {
  const { startsOn, endsOn } = o.period;
  return (
    Temporal.PlainDate.compare(startsOn, o.date) <= 0 &&
    (endsOn === null || Temporal.PlainDate.compare(o.date, endsOn) < 0)
  );
}

export function periodsOverlap(o: { a: SubscriptionPeriod; b: SubscriptionPeriod }): boolean {
  const { a, b } = o;
  const latestStart = Temporal.PlainDate.compare(a.startsOn, b.startsOn) >= 0 ? a.startsOn : b.startsOn;
  const earliestEnd =
    a.endsOn === null || (b.endsOn !== null && Temporal.PlainDate.compare(b.endsOn, a.endsOn) < 0)
      ? b.endsOn
      : a.endsOn;
  // Some day lies in both iff the latest start is before the earliest end; this also makes
  // an empty period overlap nothing.
  return earliestEnd === null || Temporal.PlainDate.compare(latestStart, earliestEnd) < 0;
}

export function coveredDates(o: {
  period: SubscriptionPeriod;
  dates: readonly Temporal.PlainDate[];
}): Temporal.PlainDate[] {
  return o.dates.filter((date) => coversDate({ period: o.period, date }));
}
