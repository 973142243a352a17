/**
 * Weighted inversion counts, the discordant pairs of Kendall's tau when the keys are the y ranks listed
 * in (x, y) order: the sum of w_i · w_j over positions i < j with keys[i] > keys[j].
 *
 * Counted digit by digit with Fenwick trees small enough for the L1 cache: a pair whose keys differ in
 * the high half of their bits is inverted as its high halves are (one tree over the high halves, the
 * items in sequence), and a pair that shares the high half as its low halves are (the items
 * partitioned by high half, stably, one tree per part). Two passes and a partition: at n = 10^6 this
 * ran 2.5x faster than Knight's merge sort, whose twenty passes stream the keys through memory.
 */

import type { Arrays } from "./arrays.ts";
import { fenwickAdd, fenwickPrefix } from "./fenwick.ts";

/** Bits of the high digit's tree beyond which the keys are split in two digits. */
const ONE_DIGIT_BITS = 12;

/** Counts inversions of keys below `range` in sequences of at most `capacity` items, reusing its buffers. */
export type InversionCounter = (keys: Uint32Array, weights: Float64Array | null, length: number) => number;

/** An inversion counter for keys below `range` and up to `capacity` items, its long buffers from `arrays`. */
export function inversionCounter(range: number, capacity: number, arrays: Arrays): InversionCounter {
  const bits = Math.max(1, Math.ceil(Math.log2(Math.max(range, 2))));
  const lowBits = bits <= ONE_DIGIT_BITS ? 0 : bits >>> 1;
  const highBits = bits - lowBits;
  const highSize = 1 << highBits;
  const lowSize = 1 << lowBits;
  const lowMask = lowSize - 1;
  const tree = new Float64Array(Math.max(highSize, lowSize) + 1);
  const starts = new Uint32Array(highSize + 1);
  const next = new Uint32Array(highSize);
  let partKeys: Uint32Array | undefined;
  let partWeights: Float64Array | undefined;
  return (keys, weights, length) => {
    // High digit: each item against the earlier items with a larger high half.
    tree.fill(0, 0, highSize + 1);
    starts.fill(0);
    let count = 0;
    let inserted = 0;
    for (let k = 0; k < length; k++) {
      const w = weights === null ? 1 : (weights[k] as number);
      const h = (keys[k] as number) >>> lowBits;
      count += w * (inserted - fenwickPrefix(tree, h + 1, highBits));
      fenwickAdd(tree, h + 1, w, highBits);
      inserted += w;
      starts[h + 1]!++;
    }
    if (lowBits === 0) return count;
    // Low digit: the items partitioned by high half, in sequence within each part.
    partKeys ??= arrays.uint32(capacity);
    if (weights !== null) partWeights ??= arrays.float64(capacity);
    for (let h = 0; h < highSize; h++) {
      next[h] = starts[h] as number;
      starts[h + 1]! += starts[h] as number;
    }
    for (let k = 0; k < length; k++) {
      const key = keys[k] as number;
      const at = next[key >>> lowBits]!++;
      partKeys[at] = key & lowMask;
      if (partWeights !== undefined && weights !== null) partWeights[at] = weights[k] as number;
    }
    for (let h = 0; h < highSize; h++) {
      const start = starts[h] as number;
      const end = starts[h + 1] as number;
      if (end - start < 2) continue;
      tree.fill(0, 0, lowSize + 1);
      let partInserted = 0;
      for (let k = start; k < end; k++) {
        const w = weights === null || partWeights === undefined ? 1 : (partWeights[k] as number);
        const l = partKeys[k] as number;
        count += w * (partInserted - fenwickPrefix(tree, l + 1, lowBits));
        fenwickAdd(tree, l + 1, w, lowBits);
        partInserted += w;
      }
    }
    return count;
  };
}
