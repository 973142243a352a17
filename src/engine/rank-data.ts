/**
 * Sorting and ranking of numeric data, the base of SRCC and KRCC.
 *
 * Sorting is a stable LSD radix sort on the IEEE-754 bit pattern: it needs no comparator calls, which
 * is what lets a TypeScript SRCC keep up with SciPy's C argsort, and its result is identical on every
 * machine. Inputs must be finite (see validate.ts); -0 and +0 are treated as the same value.
 */

import type { Numbers } from "./validate.ts";

const RADIX_BITS = 11;
const BUCKETS = 1 << RADIX_BITS;
const MASK = BUCKETS - 1;

// Float64Array and Uint32Array views of one buffer share bytes in platform order; find which
// 32-bit half holds the sign and exponent once, so the sort is correct on big-endian hosts too.
const HIGH_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW_WORD = 1 - HIGH_WORD;

// Working space of `argsort`, kept between calls: a bootstrap or a rebuild sorts thousands of times,
// and five fresh arrays per call made the garbage collector, not the sort, the bottleneck. Safe
// because `argsort` is synchronous and never re-entered; what it returns is always a fresh array.
let working = new Uint32Array(0);
const FLOAT = new Float64Array(1);
const WORDS = new Uint32Array(FLOAT.buffer);
const COUNTS = new Uint32Array(6 * BUCKETS);

/** Unsigned 64-bit keys (high and low words) whose order is the numeric order of finite doubles. */
function fillKeys(values: Numbers, high: Uint32Array, low: Uint32Array): void {
  const float = FLOAT;
  const words = WORDS;
  // Flip every bit of negatives, only the sign of others.
  for (let i = 0; i < high.length; i++) {
    float[0] = (values[i] as number) + 0; // + 0 turns -0 into +0
    const h = words[HIGH_WORD] as number;
    const l = words[LOW_WORD] as number;
    if (h >>> 31 === 1) {
      high[i] = ~h >>> 0;
      low[i] = ~l >>> 0;
    } else {
      high[i] = (h | 0x80000000) >>> 0;
      low[i] = l;
    }
  }
}

/** The sort keys of `values` in the working space (grown when needed): high words, then low words. */
function keysInWorkingSpace(values: Numbers): { high: Uint32Array; low: Uint32Array } {
  const n = values.length;
  if (working.length < 5 * n) working = new Uint32Array(5 * n);
  const high = working.subarray(0, n);
  const low = working.subarray(n, 2 * n);
  fillKeys(values, high, low);
  return { high, low };
}

/** Longest run of equal high words the fast path settles by insertion; longer runs take the full sort. */
const LONGEST_RUN = 32;

/**
 * Indices that sort `values` ascending, stable (equal values keep their input order), like
 * `numpy.argsort(values, kind="stable")`. Radix-sorts the high 32 bits of the keys (three passes), then
 * orders the few runs of equal high words by their low words; data with long such runs (values that
 * differ only far down the mantissa) take the full six-pass sort instead.
 */
export function argsort(values: Numbers): Uint32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  if (n === 0) return order;
  const { high, low } = keysInWorkingSpace(values);
  const counts = COUNTS;
  counts.fill(0, 0, 3 * BUCKETS);
  for (let i = 0; i < n; i++) {
    const h = high[i] as number;
    counts[h & MASK]!++;
    counts[BUCKETS + ((h >>> 11) & MASK)]!++;
    counts[2 * BUCKETS + (h >>> 22)]!++;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  let srcIndex: Uint32Array = order;
  let srcHigh: Uint32Array = high;
  let dstIndex: Uint32Array = working.subarray(2 * n, 3 * n);
  let dstHigh: Uint32Array = working.subarray(3 * n, 4 * n);
  for (let d = 0; d < 3; d++) {
    if (!toOffsets(counts, d * BUCKETS, n)) continue;
    scatterByHighDigit(srcIndex, srcHigh, dstIndex, dstHigh, counts, d * BUCKETS, d * 11);
    [srcIndex, dstIndex] = [dstIndex, srcIndex];
    [srcHigh, dstHigh] = [dstHigh, srcHigh];
  }
  for (let start = 0; start < n; ) {
    const h = srcHigh[start] as number;
    let end = start + 1;
    while (end < n && srcHigh[end] === h) end++;
    if (end - start > LONGEST_RUN) return argsortFull(values, order);
    // Insertion by low word; strict comparison keeps equal keys in input order (stable).
    for (let i = start + 1; i < end; i++) {
      const index = srcIndex[i] as number;
      const key = low[index] as number;
      let j = i - 1;
      while (j >= start && (low[srcIndex[j] as number] as number) > key) {
        srcIndex[j + 1] = srcIndex[j] as number;
        j--;
      }
      srcIndex[j + 1] = index;
    }
    start = end;
  }
  if (srcIndex !== order) order.set(srcIndex);
  return order;
}

/** The full 64-bit LSD radix argsort (six passes of 11 bits) into `order`, for data the fast path cannot settle. */
function argsortFull(values: Numbers, order: Uint32Array): Uint32Array {
  const n = values.length;
  // The fast path moved the high words around: take fresh keys.
  const { high, low } = keysInWorkingSpace(values);
  // Six digits of 11 bits cover 64 bits; one read of the keys fills every histogram.
  const counts = COUNTS;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const l = low[i] as number;
    const h = high[i] as number;
    counts[l & MASK]!++;
    counts[BUCKETS + ((l >>> 11) & MASK)]!++;
    counts[2 * BUCKETS + ((l >>> 22) | ((h & 1) << 10))]!++;
    counts[3 * BUCKETS + ((h >>> 1) & MASK)]!++;
    counts[4 * BUCKETS + ((h >>> 12) & MASK)]!++;
    counts[5 * BUCKETS + (h >>> 23)]!++;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  // Keys travel with their indices so that every pass reads memory sequentially.
  let srcIndex: Uint32Array = order;
  let srcLow: Uint32Array = low;
  let srcHigh: Uint32Array = high;
  let dstIndex: Uint32Array = working.subarray(2 * n, 3 * n);
  let dstLow: Uint32Array = working.subarray(3 * n, 4 * n);
  let dstHigh: Uint32Array = working.subarray(4 * n, 5 * n);
  for (let d = 0; d < 6; d++) {
    if (!toOffsets(counts, d * BUCKETS, n)) continue;
    const base = d * BUCKETS;
    if (d < 2) {
      const shift = d * 11;
      for (let j = 0; j < n; j++) {
        const l = srcLow[j] as number;
        const at = counts[base + ((l >>> shift) & MASK)]!++;
        dstIndex[at] = srcIndex[j] as number;
        dstLow[at] = l;
        dstHigh[at] = srcHigh[j] as number;
      }
    } else if (d === 2) {
      // The last pass over the keys only needs the high words from here on; low words are dropped.
      for (let j = 0; j < n; j++) {
        const h = srcHigh[j] as number;
        const at = counts[base + (((srcLow[j] as number) >>> 22) | ((h & 1) << 10))]!++;
        dstIndex[at] = srcIndex[j] as number;
        dstHigh[at] = h;
      }
    } else {
      scatterByHighDigit(srcIndex, srcHigh, dstIndex, dstHigh, counts, base, d * 11 - 32);
    }
    [srcIndex, dstIndex] = [dstIndex, srcIndex];
    [srcLow, dstLow] = [dstLow, srcLow];
    [srcHigh, dstHigh] = [dstHigh, srcHigh];
  }
  if (srcIndex !== order) order.set(srcIndex);
  return order;
}

/** One radix pass on an 11-bit digit of the high words: moves indices and high words to their buckets. */
function scatterByHighDigit(
  srcIndex: Uint32Array,
  srcHigh: Uint32Array,
  dstIndex: Uint32Array,
  dstHigh: Uint32Array,
  counts: Uint32Array,
  base: number,
  shift: number,
): void {
  for (let j = 0; j < srcIndex.length; j++) {
    const h = srcHigh[j] as number;
    const at = counts[base + ((h >>> shift) & MASK)]!++;
    dstIndex[at] = srcIndex[j] as number;
    dstHigh[at] = h;
  }
}

/**
 * Turns one digit's histogram into starting offsets. Returns false, leaving the pass to be skipped,
 * when every key shares the digit (common for the high digits): such a pass cannot reorder anything.
 */
function toOffsets(counts: Uint32Array, base: number, n: number): boolean {
  let total = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const c = counts[base + b] as number;
    if (c === n) return false;
    counts[base + b] = total;
    total += c;
  }
  return true;
}
