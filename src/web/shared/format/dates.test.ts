import { describe, expect, it } from 'vitest';
import { windowWithin } from './dates';

describe('windowWithin', () => {
  const around = '2026-12-01';

  it('is the days around the date when the period covers them', () => {
    expect(windowWithin({ around, before: 28, after: 84, startsOn: '2026-01-06', endsOn: null })).toEqual({
      from: '2026-11-03',
      to: '2027-02-23',
    });
  });

  it('starts no earlier than the period and ends no later', () => {
    expect(windowWithin({ around, before: 28, after: 84, startsOn: '2026-11-17', endsOn: '2026-12-15' })).toEqual({
      from: '2026-11-17',
      to: '2026-12-15',
    });
  });

  it('is one day when the period ended before the window starts', () => {
    expect(windowWithin({ around, before: 0, after: 84, startsOn: '2026-09-01', endsOn: '2026-10-01' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-02',
    });
  });
});
