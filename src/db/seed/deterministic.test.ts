import { describe, expect, it } from 'vitest';
import { createRandom, deterministicId, mulberry32 } from './deterministic.js';

describe('deterministicId', () => {
  it('gives the same UUID v5-shaped id for the same key, and different ids for different keys', () => {
    const id = deterministicId('demo:riverside');
    expect(id).toBe(deterministicId('demo:riverside'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicId('demo:lakeside')).not.toBe(id);
  });
});

describe('seeded randomness', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRandom('key').shuffle([1, 2, 3, 4, 5, 6])).toEqual(createRandom('key').shuffle([1, 2, 3, 4, 5, 6]));
  });

  it('keeps int() within its inclusive bounds', () => {
    const random = createRandom(7);
    const values = Array.from({ length: 500 }, () => random.int(3, 5));
    expect(new Set(values)).toEqual(new Set([3, 4, 5]));
  });
});
