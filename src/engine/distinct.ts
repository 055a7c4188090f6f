/** What is the same for every cell with the same value, stored or worked out once per distinct value. */

/**
 * Numbers distinct values in the order they are first met: values with equal
 * keys get one number, and `values[n]` is the first value numbered n. With a
 * `keyOf`, a value met before as the same object is found without making its
 * key (a reader hands equal cells over as one parsed object); without one, the
 * value is its own key (texts).
 */
export class Distinct<T> {
  readonly values: T[] = [];
  private readonly numbers = new Map<unknown, number>();
  private readonly seen: Map<T, number> | null;

  constructor(private readonly keyOf?: (value: T) => string) {
    this.seen = keyOf ? new Map() : null;
  }

  get size(): number {
    return this.values.length;
  }

  number(value: T): number {
    if (this.seen === null) return this.numberByKey(value, value);
    let n = this.seen.get(value);
    if (n === undefined) {
      n = this.numberByKey(this.keyOf!(value), value);
      this.seen.set(value, n);
    }
    return n;
  }

  private numberByKey(key: unknown, value: T): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers.set(key, n);
    }
    return n;
  }
}

/** `fn`, working each distinct text out once: a sheet repeats a few code cells over thousands of rows. */
export function oncePerText<R>(fn: (text: string) => R): (text: string) => R {
  const known = new Map<string, R>();
  return (text) => {
    if (known.has(text)) return known.get(text)!;
    const result = fn(text);
    known.set(text, result);
    return result;
  };
}
