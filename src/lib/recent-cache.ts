/**
 * A cache of the values read most recently, up to a weight in all (each value's weight given, 1 by default). The
 * site build reads the store once per value while the files that need it are written one after another, and keeps
 * only a few: what a build holds is marked by every garbage collection its allocations trigger, so holding everything
 * read made those collections grow with the square of the entries.
 */
export class RecentCache<K, V> {
  readonly #values = new Map<K, V>();
  readonly #limit: number;
  readonly #weigh: (value: V) => number;
  #weight = 0;

  /** `limit`: the most weight kept together (the value read last is kept whatever its weight). */
  constructor(limit: number, weigh: (value: V) => number = () => 1) {
    this.#limit = limit;
    this.#weigh = weigh;
  }

  /** The value for `key`: kept, or made by `make` and kept, dropping those used longest ago beyond the limit. */
  get(key: K, make: () => V): V {
    let value: V;
    if (this.#values.has(key)) {
      value = this.#values.get(key) as V;
      this.#values.delete(key);
      this.#weight -= this.#weigh(value);
    } else value = make();
    this.#values.set(key, value);
    this.#weight += this.#weigh(value);
    for (const [oldest, kept] of this.#values) {
      if (this.#weight <= this.#limit || oldest === key) break;
      this.#values.delete(oldest);
      this.#weight -= this.#weigh(kept);
    }
    return value;
  }

  /** Drops every value. */
  clear(): void {
    this.#values.clear();
    this.#weight = 0;
  }
}
