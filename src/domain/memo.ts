/**
 * Memoized functions for values derived from Temporal values, which are immutable: one
 * result serves every caller, so a schedule of hundreds of sessions stops recomputing the
 * same few dates, times and texts on every request.
 */

/** A memoized function that can also be told a value it would compute (one found another way). */
export type WeakMemo<K extends object, V> = ((key: K) => V) & { remember(key: K, value: V): void };

/** Computed once per object, dropped with it. */
export function weakMemo<K extends object, V>(compute: (key: K) => V): WeakMemo<K, V> {
  const values = new WeakMap<K, V>();
  const memoized = (key: K) => {
    let value = values.get(key);
    if (value === undefined) {
      value = compute(key);
      values.set(key, value);
    }
    return value;
  };
  return Object.assign(memoized, { remember: (key: K, value: V) => void values.set(key, value) });
}

/**
 * A cache by key (a text or a number): `cached(key, compute)` computes on the first ask only.
 * Bounded: it starts over when it has seen `limit` distinct keys.
 */
export function boundedCache<K extends string | number, V>(limit: number): (key: K, compute: () => V) => V {
  const values = new Map<K, V>();
  return (key, compute) => {
    let value = values.get(key);
    if (value === undefined) {
      if (values.size >= limit) values.clear();
      value = compute();
      values.set(key, value);
    }
    return value;
  };
}
