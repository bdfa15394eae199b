import { describe, expect, it } from 'vitest';
import { ApiError, readAnswer } from './http';

const problem = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } }));

async function refusal(pending: Promise<Response>): Promise<ApiError> {
  const error = await readAnswer(pending).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('readAnswer', () => {
  it('throws a problem as an ApiError with its code, detail and fields', async () => {
    const error = await refusal(
      problem(409, {
        type: 'about:blank#CONFLICT',
        title: 'conflict',
        status: 409,
        code: 'CONFLICT',
        detail: 'capacity: 12 clients are enrolled on 2026-12-01; set a capacity of at least 12 or move clients first.',
        fields: [{ field: 'body.capacity', message: 'at least 12' }],
      }),
    );
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT', fields: [{ field: 'body.capacity', message: 'at least 12' }] });
    expect(error.detail).toMatch(/^capacity: 12 clients/);
  });

  it('reads only the fields list: a single `field` property names no field', async () => {
    const legacy = { status: 422, code: 'INVALID_END_DATE', detail: 'oldEndsOn: not a date', field: 'oldEndsOn' };
    const error = await refusal(problem(422, legacy));
    expect(error.fields).toEqual([]);
    expect(error.detail).toBe('oldEndsOn: not a date');
  });

  it('says what the server answered when the body is not a problem', async () => {
    const error = await refusal(Promise.resolve(new Response('<html>', { status: 502, statusText: 'Bad Gateway' })));
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502', fields: [] });
    expect(error.detail).toContain('502 Bad Gateway');
  });
});
