import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { dailyRunAt, dailyRunDone } from './daily-run-time.js';

const at = (local: string, timeZone: string) => Temporal.ZonedDateTime.from(`${local}[${timeZone}]`).toInstant();

describe('the daily invoice run fires at 02:00 in the organization’s own zone', () => {
  it.each(['America/New_York', 'Europe/London', 'Australia/Sydney', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])('%s: not at 01:59, at 02:00 for that local day', (zone) => {
    expect(dailyRunAt({ timeZone: zone, now: at('2027-03-01T01:59:59', zone) })).toBeNull();
    const due = dailyRunAt({ timeZone: zone, now: at('2027-03-01T02:00', zone) });
    expect(due?.day.toString()).toBe('2027-03-01');
    expect(dailyRunAt({ timeZone: zone, now: at('2027-03-01T23:59', zone) })?.day.toString()).toBe('2027-03-01');
  });

  it('on the day the clocks skip 02:00 (New York, 14 March 2027) it fires at 03:00, the first instant after the gap', () => {
    const zone = 'America/New_York';
    expect(dailyRunAt({ timeZone: zone, now: at('2027-03-14T01:59:59', zone) })).toBeNull();
    const due = dailyRunAt({ timeZone: zone, now: at('2027-03-14T03:00', zone) });
    expect(due?.from.toString()).toBe('2027-03-14T07:00:00Z');
  });

  it('on the day 01:00–02:00 happens twice (New York, 7 November 2027) it fires once, at 02:00 after the second 01:00', () => {
    const zone = 'America/New_York';
    expect(dailyRunAt({ timeZone: zone, now: Temporal.Instant.from('2027-11-07T06:30:00Z') })).toBeNull(); // the second 01:30
    expect(dailyRunAt({ timeZone: zone, now: Temporal.Instant.from('2027-11-07T07:00:00Z') })?.day.toString()).toBe('2027-11-07');
  });
});

describe('whether the day’s run has happened', () => {
  const day = Temporal.PlainDate.from('2027-03-01');

  it('a finished run as of the day (or later: a run by hand for tomorrow) counts, whoever started it', () => {
    expect(dailyRunDone({ day, runs: [{ runOn: '2027-03-01' }] })).toBe(true);
    expect(dailyRunDone({ day, runs: [{ runOn: '2027-03-02' }] })).toBe(true);
  });

  it('a run as of an earlier day does not, nor no run at all', () => {
    expect(dailyRunDone({ day, runs: [{ runOn: '2027-02-28' }] })).toBe(false);
    expect(dailyRunDone({ day, runs: [] })).toBe(false);
  });
});
