import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { allFieldsShown, fieldError, fieldErrors, fieldErrorsIn } from './field-errors';

const refusal = (fields: { field: string; message: string }[]) =>
  new ApiError({ status: 400, code: 'VALIDATION_FAILED', detail: 'Please correct the request', fields });

describe('fieldErrors', () => {
  it('keys each message by the request path the API names, keeping the first per field', () => {
    const error = refusal([
      { field: 'body.capacity', message: 'at least 12' },
      { field: 'body.discounts.0.amount', message: 'must be more than zero' },
      { field: 'querystring.date', message: 'not a date of this session' },
      { field: 'body.capacity', message: 'must be at most 1000' },
    ]);
    expect(fieldErrors(error)).toEqual({
      'body.capacity': 'at least 12',
      'body.discounts.0.amount': 'must be more than zero',
      'querystring.date': 'not a date of this session',
    });
  });

  it('is empty for a refusal without fields and for errors that are not the API’s', () => {
    expect(fieldErrors(refusal([]))).toEqual({});
    expect(fieldErrors(new ApiError({ status: 409, code: 'CONFLICT', detail: 'Already there' }))).toEqual({});
    expect(fieldErrors(new Error('boom'))).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });
});

describe('fieldError', () => {
  const errors = fieldErrors(
    refusal([
      { field: 'body.weekdays.0', message: 'must be 1 (Monday) to 7 (Sunday)' },
      { field: 'body.finish.amount', message: 'must not be negative' },
    ]),
  );

  it('reads the message of one field by its full path', () => {
    expect(fieldError(errors, 'body.finish.amount')).toBe('must not be negative');
  });

  it('answers for a field with the message about a part of it', () => {
    expect(fieldError(errors, 'body.weekdays')).toBe('must be 1 (Monday) to 7 (Sunday)');
    expect(fieldError(errors, 'body.finish')).toBe('must not be negative');
  });

  it('does not take a field for another whose name it starts with, nor for another part of the request', () => {
    expect(fieldError(errors, 'body.week')).toBeUndefined();
    expect(fieldError(errors, 'querystring.weekdays')).toBeUndefined();
    expect(fieldError(errors, 'body.finish.reason')).toBeUndefined();
  });
});

describe('fieldErrorsIn', () => {
  it('names the messages inside a path by their field there, a part counting for its field', () => {
    const errors = fieldErrors(
      refusal([
        { field: 'body.capacity', message: 'at least 12' },
        { field: 'body.weekdays.2', message: 'must not repeat a weekday' },
        { field: 'body.discounts.1.reason', message: 'must not be empty: say why' },
        { field: 'querystring.date', message: 'not a date' },
      ]),
    );
    expect(fieldErrorsIn(errors, 'body')).toEqual({
      capacity: 'at least 12',
      weekdays: 'must not repeat a weekday',
      discounts: 'must not be empty: say why',
    });
    expect(fieldErrorsIn(errors, 'body.discounts.1')).toEqual({ reason: 'must not be empty: say why' });
    expect(fieldErrorsIn(errors, 'body.discounts.0')).toEqual({});
  });
});

describe('allFieldsShown', () => {
  const errors = fieldErrors(
    refusal([
      { field: 'body.firstSessionDate', message: 'not a session date' },
      { field: 'body.discounts.0.amount', message: 'at most $80.00' },
    ]),
  );

  it('is true when every field named is at or inside one the form shows', () => {
    expect(allFieldsShown(errors, ['body.firstSessionDate', 'body.oldEndsOn', 'body.discounts.0'])).toBe(true);
  });

  it('is false when a field named has no place on the form, so the alert gives the whole detail', () => {
    expect(allFieldsShown(errors, ['body.firstSessionDate', 'body.oldEndsOn'])).toBe(false);
    expect(allFieldsShown(errors, [])).toBe(false);
  });

  it('is false when the API named no field', () => {
    expect(allFieldsShown({}, ['body.capacity'])).toBe(false);
  });
});
