/** Whether a measurement grows linearly: the line through the two smallest sizes, extended to the largest. */

/** One measurement at one size. */
export interface Measured {
  readonly size: number;
  readonly value: number;
}

/**
 * What linear growth predicts at the largest size: the line through the measurements at the two smallest sizes,
 * extended. Needs three or more measurements at distinct sizes (in any order).
 */
export function predictedByTwoSmallest(measurements: readonly Measured[]): number {
  const sorted = [...measurements].sort((a, b) => a.size - b.size);
  const [first, second] = sorted;
  const largest = sorted.at(-1);
  if (sorted.length < 3 || first === undefined || second === undefined || largest === undefined) throw new RangeError(`a growth check needs three sizes, not ${sorted.length}`);
  if (first.size === second.size || second.size === largest.size) throw new RangeError(`a growth check needs distinct sizes, not ${sorted.map((m) => m.size).join(", ")}`);
  const slope = (second.value - first.value) / (second.size - first.size);
  return first.value + slope * (largest.size - first.size);
}
