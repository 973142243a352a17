/**
 * Corrections for many tests read together. A board's "separable from the next entry" marks are read as one
 * statement about the whole board, so each is a test in a family (the board's adjacent pairs) and the family's
 * chance of any false "separable" is held at the nominal level by Holm's step-down procedure, which is valid
 * whatever the dependence between the tests (neighbouring pairs share an entry, so theirs is strong).
 */

/**
 * Holm-adjusted p-values, in the order given: sort ascending, multiply the i-th smallest (1-based) by
 * m − i + 1, cap at 1, and carry the running maximum upward so that the adjusted values keep the raw order.
 * A test is rejected at level α exactly when its adjusted p-value is below α. A null p-value (a test that
 * could not be run) counts in the family as p = 1.
 */
export function holmAdjusted(pValues: ReadonlyArray<number | null>): number[] {
  const m = pValues.length;
  const p = pValues.map((value) => (value === null ? 1 : value));
  p.forEach((value, i) => {
    if (!(value >= 0 && value <= 1)) throw new RangeError(`p-value ${i} is ${value}; expected a number in [0, 1]`);
  });
  const order = p.map((_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * (p[index] as number)));
    adjusted[index] = running;
  });
  return adjusted;
}
