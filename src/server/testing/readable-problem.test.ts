import { describe, expect, it } from 'vitest';
import { unreadablePart } from './readable-problem.js';

const problem = (detail: string, fields: { field: string; message: string }[] = []) => ({ detail, fields });

describe('unreadablePart', () => {
  it('passes a refusal written for a person', () => {
    expect(unreadablePart(problem('Advanced Wed is full (8 seats) on Wed, Dec 2, 2026. Choose another session or another first date.', [{ field: 'body.targetSessionId', message: 'Advanced Wed is full' }]))).toBeNull();
  });

  it('catches API paths, API field names and ISO dates', () => {
    expect(unreadablePart(problem('Check body.finish.amount'))).toMatch(/API path/);
    expect(unreadablePart(problem('targetSessionId (Advanced Wed) is full; override capacity (capacityOverride)'))).toMatch(/field name "targetSessionId"/);
    expect(unreadablePart(problem('Full on 2026-12-02.'))).toMatch(/ISO date/);
    expect(unreadablePart(problem('Choose another date.', [{ field: 'body.firstSessionDate', message: 'not a date of Beginners Tue: 2026-12-02' }]))).toMatch(/in a field's message/);
    expect(unreadablePart({ detail: 'no fields' })).toMatch(/not a problem/);
  });
});
