/**
 * A function of an object computed once per object: for values derived from Temporal
 * values, which are immutable and shared (one instance per distinct date or time), so the
 * result stays right and is dropped with its key.
 */
export function weakMemo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    let value = values.get(key);
    if (value === undefined) {
      value = compute(key);
      values.set(key, value);
    }
    return value;
  };
}
