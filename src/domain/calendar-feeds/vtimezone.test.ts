import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { vtimezone } from './vtimezone.js';

const instant = (text: string) => Temporal.Instant.from(text);

describe('vtimezone', () => {
  it("writes New York's changes in the range at local 02:00, with the observance in force at its start", () => {
    const text = vtimezone({ timeZone: 'America/New_York', from: instant('2027-01-01T00:00Z'), to: instant('2028-01-01T00:00Z') });
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/New_York',
      'BEGIN:STANDARD', 'DTSTART:20261101T020000', 'TZOFFSETFROM:-0400', 'TZOFFSETTO:-0500', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:20270314T020000', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0400', 'END:DAYLIGHT',
      'BEGIN:STANDARD', 'DTSTART:20271107T020000', 'TZOFFSETFROM:-0400', 'TZOFFSETTO:-0500', 'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('knows the southern hemisphere: Sydney goes forward in October', () => {
    const text = vtimezone({ timeZone: 'Australia/Sydney', from: instant('2027-06-01T00:00Z'), to: instant('2027-12-31T00:00Z') });
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20271003T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100');
  });

  it('writes one observance for a zone without changes', () => {
    const text = vtimezone({ timeZone: 'UTC', from: instant('2027-01-01T00:00Z'), to: instant('2028-01-01T00:00Z') });
    expect(text).toContain('DTSTART:16010101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000');
    expect(text.match(/BEGIN:STANDARD/g)).toHaveLength(1);
  });
});
