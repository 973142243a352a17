/**
 * Input checks shared by every statistic. Bad data must fail loudly and say where it is: a NaN that
 * slipped into a correlation would otherwise silently become a wrong number on the board.
 */

/** A numeric sequence: a plain array or any typed array. */
export type Numbers = ArrayLike<number>;

/** Throws a RangeError naming the argument and the first index whose value is NaN or infinite. */
export function assertFinite(values: Numbers, name: string): void {
  // Typed arrays hold numbers only: one test per value, in a loop V8 keeps monomorphic.
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number;
      if (value - value !== 0) throw new RangeError(`${name}[${i}] is not a finite number (${String(value)}) at index ${i}`);
    }
    return;
  }
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    // `value - value` is 0 only for finite numbers; the typeof check catches strings and null from JSON.
    if (typeof value !== "number" || value - value !== 0) {
      throw new RangeError(`${name}[${i}] is not a finite number (${String(value)}) at index ${i}`);
    }
  }
}

/** Throws a RangeError when two paired arrays differ in length, naming the first unpaired index. */
export function assertSameLength(x: Numbers, y: Numbers, nameX = "x", nameY = "y"): void {
  if (x.length !== y.length) {
    const first = Math.min(x.length, y.length);
    const longer = x.length > y.length ? nameX : nameY;
    throw new RangeError(
      `${nameX} has ${x.length} values but ${nameY} has ${y.length}: ${longer}[${first}] at index ${first} has no partner`,
    );
  }
}

/** The checks every paired statistic needs: equal lengths, then finite values in both arrays. */
export function assertPaired(x: Numbers, y: Numbers, nameX = "x", nameY = "y"): void {
  assertSameLength(x, y, nameX, nameY);
  assertFinite(x, nameX);
  assertFinite(y, nameY);
}
