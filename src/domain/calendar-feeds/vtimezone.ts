import { Temporal } from 'temporal-polyfill';

/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, written from the zone's own
 * transitions between two instants: one observance per change of offset, each at the local
 * time it happened (in the offset before it), plus the observance in force at the start. A
 * calendar app then places "16:00 America/New_York" right on both sides of every change in the
 * feed, without a time zone package on the server.
 */
export function vtimezone(o: { timeZone: string; from: Temporal.Instant; to: Temporal.Instant }): string {
  const observances: string[] = [];
  const start = o.from.toZonedDateTimeISO(o.timeZone);
  const previous = start.getTimeZoneTransition('previous');
  if (previous) {
    observances.push(observance(previous));
  } else {
    // A zone that never changed (UTC, or none on record): one observance since long ago.
    const offset = offsetText(start.offsetNanoseconds);
    observances.push(['BEGIN:STANDARD', 'DTSTART:16010101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD'].join('\r\n'));
  }
  for (let next = start.getTimeZoneTransition('next'); next && Temporal.Instant.compare(next.toInstant(), o.to) < 0; next = next.getTimeZoneTransition('next')) {
    observances.push(observance(next));
  }
  return ['BEGIN:VTIMEZONE', `TZID:${o.timeZone}`, ...observances, 'END:VTIMEZONE'].join('\r\n');
}

/** The observance that starts at a transition (`at` is the first instant of the new offset). */
function observance(at: Temporal.ZonedDateTime): string {
  const before = at.subtract({ nanoseconds: 1 }).offsetNanoseconds;
  const after = at.offsetNanoseconds;
  // The clocks going forward starts summer time, in either hemisphere.
  const kind = after > before ? 'DAYLIGHT' : 'STANDARD';
  const localStart = at.toInstant().toZonedDateTimeISO('UTC').add({ nanoseconds: before }).toPlainDateTime();
  return [
    `BEGIN:${kind}`,
    `DTSTART:${basicDateTime(localStart)}`,
    `TZOFFSETFROM:${offsetText(before)}`,
    `TZOFFSETTO:${offsetText(after)}`,
    `END:${kind}`,
  ].join('\r\n');
}

function basicDateTime(at: Temporal.PlainDateTime): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(at.year).padStart(4, '0')}${two(at.month)}${two(at.day)}T${two(at.hour)}${two(at.minute)}${two(at.second)}`;
}

/** "+0100", "-0500", "+0530"; seconds too in the rare zone (historic LMT) that has them. */
function offsetText(nanoseconds: number): string {
  const sign = nanoseconds < 0 ? '-' : '+';
  const seconds = Math.round(Math.abs(nanoseconds) / 1e9);
  const two = (n: number) => String(n).padStart(2, '0');
  const text = `${sign}${two(Math.floor(seconds / 3600))}${two(Math.floor((seconds % 3600) / 60))}`;
  return seconds % 60 === 0 ? text : `${text}${two(seconds % 60)}`;
}
