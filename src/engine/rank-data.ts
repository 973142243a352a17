/**
 * Sorting and ranking of numeric data, the base of SRCC and KRCC.
 *
 * Sorting is a stable LSD radix sort on the IEEE-754 bit pattern: it needs no comparator calls, which
 * is what lets a TypeScript SRCC keep up with SciPy's C argsort, and its result is identical on every
 * machine. Inputs must be finite (see validate.ts); -0 and +0 are treated as the same value.
 */

import { FRESH_ARRAYS, type Arrays } from "./arrays.ts";
import { fewValueRanks } from "./few-values.ts";
import type { Numbers } from "./validate.ts";

const RADIX_BITS = 11;
const BUCKETS = 1 << RADIX_BITS;
const MASK = BUCKETS - 1;

// Float64Array and Uint32Array views of one buffer share bytes in platform order; find which
// 32-bit half holds the sign and exponent once, so the sort is correct on big-endian hosts too.
const HIGH_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW_WORD = 1 - HIGH_WORD;

// Working space of the sort, kept between calls: a bootstrap or a rebuild sorts thousands of times,
// and fresh arrays per call made the garbage collector, not the sort, the bottleneck. Safe because
// sorting is synchronous and never re-entered; what the exports return is always fresh. Six regions
// of n words: high keys, low keys (kept intact for the caller), and four scratch regions.
let working = new Uint32Array(0);
const FLOAT = new Float64Array(1);
const WORDS = new Uint32Array(FLOAT.buffer);
const COUNTS = new Uint32Array(6 * BUCKETS);

/**
 * Unsigned 64-bit keys (high and low words) whose order is the numeric order of finite doubles; also
 * counts the three 11-bit digits of the high words into `counts`, saving a pass over the keys.
 */
function fillKeys(values: Numbers, high: Uint32Array, low: Uint32Array, counts: Uint32Array): void {
  const float = FLOAT;
  const words = WORDS;
  counts.fill(0, 0, 3 * BUCKETS);
  // Flip every bit of negatives, only the sign of others.
  for (let i = 0; i < high.length; i++) {
    float[0] = (values[i] as number) + 0; // + 0 turns -0 into +0
    let h = words[HIGH_WORD] as number;
    const l = words[LOW_WORD] as number;
    if (h >>> 31 === 1) {
      h = ~h >>> 0;
      low[i] = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
      low[i] = l;
    }
    high[i] = h;
    counts[h & MASK]!++;
    counts[BUCKETS + ((h >>> 11) & MASK)]!++;
    counts[2 * BUCKETS + (h >>> 22)]!++;
  }
}

/** Region k (0 ≤ k < 6) of the working space for n items, grown when needed. */
function region(n: number, k: number): Uint32Array {
  if (working.length < 6 * n) working = new Uint32Array(6 * n);
  return working.subarray(k * n, (k + 1) * n);
}

/** A stable ascending order with the sorted items' high key words and every item's low key word. */
interface SortedKeys {
  readonly order: Uint32Array;
  /** High key word of the item at each sorted position (a view of the working space). */
  readonly sortedHigh: Uint32Array;
  /** Low key word of each item, in input order (a view of the working space). */
  readonly low: Uint32Array;
}

/** Longest run of equal high words settled by insertion; a longer run is checked for ties first. */
const LONGEST_RUN = 32;

/**
 * Radix-sorts the high 32 bits of the keys (three passes), then orders each run of equal high words by
 * its low words: short runs by insertion, long runs only when their low words differ (a long run of
 * one repeated value, as tied data give, is already in input order). Data whose long runs hold
 * different values (they differ only far down the mantissa) take the full six-pass sort instead.
 */
function sortKeys(values: Numbers, arrays: Arrays): SortedKeys {
  const n = values.length;
  const order = arrays.uint32(n);
  const high = region(n, 0);
  const low = region(n, 1);
  const counts = COUNTS;
  fillKeys(values, high, low, counts);
  // Passes on a digit every key shares are skipped. The index buffers alternate so that the last pass
  // writes into `order`, and the first pass reads no index buffer: it starts from the input order.
  const passes = [0, 1, 2].filter((d) => toOffsets(counts, d * BUCKETS, n));
  const scratch = region(n, 2);
  let sortedIndex = order;
  let sortedHigh = high;
  let spareHigh = region(n, 3);
  passes.forEach((d, k) => {
    const dstIndex = (passes.length - k) % 2 === 1 ? order : scratch;
    if (k === 0) scatterFirstPass(sortedHigh, dstIndex, spareHigh, counts, d * BUCKETS, d * 11);
    else scatterByHighDigit(sortedIndex, sortedHigh, dstIndex, spareHigh, counts, d * BUCKETS, d * 11);
    sortedIndex = dstIndex;
    [sortedHigh, spareHigh] = [spareHigh, sortedHigh];
  });
  if (passes.length === 0) for (let i = 0; i < n; i++) order[i] = i;
  for (let start = 0; start < n; ) {
    const h = sortedHigh[start] as number;
    let end = start + 1;
    while (end < n && sortedHigh[end] === h) end++;
    if (end - start > LONGEST_RUN) {
      if (!sameLowWords(order, low, start, end)) return sortKeysFull(values, order);
    } else if (end - start > 1) {
      insertionByLowWord(order, low, start, end);
    }
    start = end;
  }
  return { order, sortedHigh, low };
}

/** Whether the items at sorted positions [start, end) share their low key word. */
function sameLowWords(index: Uint32Array, low: Uint32Array, start: number, end: number): boolean {
  const first = low[index[start] as number] as number;
  for (let k = start + 1; k < end; k++) if (low[index[k] as number] !== first) return false;
  return true;
}

/** Orders positions [start, end) by low key word; the strict comparison keeps equal keys in input order. */
function insertionByLowWord(index: Uint32Array, low: Uint32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const item = index[i] as number;
    const key = low[item] as number;
    let j = i - 1;
    while (j >= start && (low[index[j] as number] as number) > key) {
      index[j + 1] = index[j] as number;
      j--;
    }
    index[j + 1] = item;
  }
}

/** The full 64-bit LSD radix sort (six passes of 11 bits) into `order`, for data the fast path cannot settle. */
function sortKeysFull(values: Numbers, order: Uint32Array): SortedKeys {
  const n = values.length;
  // The fast path moved the high words around: take fresh keys. The low words stay where they are.
  const high = region(n, 0);
  const low = region(n, 1);
  const counts = COUNTS;
  fillKeys(values, high, low, counts);
  // Six digits of 11 bits cover 64 bits; one read of the keys fills every histogram.
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
  // Keys travel with their indices so that every pass reads memory sequentially. Low words move
  // between two scratch regions only, so that `low` keeps every item's own word.
  let srcIndex: Uint32Array = order;
  let srcLow: Uint32Array = low;
  let srcHigh: Uint32Array = high;
  let dstIndex: Uint32Array = region(n, 2);
  let dstHigh: Uint32Array = region(n, 3);
  const lowScratch = [region(n, 4), region(n, 5)] as const;
  for (let d = 0; d < 6; d++) {
    if (!toOffsets(counts, d * BUCKETS, n)) continue;
    const base = d * BUCKETS;
    if (d < 2) {
      const shift = d * 11;
      const dstLow = srcLow === lowScratch[0] ? lowScratch[1] : lowScratch[0];
      for (let j = 0; j < n; j++) {
        const l = srcLow[j] as number;
        const at = counts[base + ((l >>> shift) & MASK)]!++;
        dstIndex[at] = srcIndex[j] as number;
        dstLow[at] = l;
        dstHigh[at] = srcHigh[j] as number;
      }
      srcLow = dstLow;
    } else if (d === 2) {
      // The last pass over the low words: from here on only the high words travel.
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
    [srcHigh, dstHigh] = [dstHigh, srcHigh];
  }
  if (srcIndex !== order) order.set(srcIndex);
  return { order, sortedHigh: srcHigh, low };
}

/** One radix pass on the 11-bit digit of the high words at `shift`: moves indices and high words to their buckets. */
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

/** `scatterByHighDigit` from the input order: the item at position j is item j. */
function scatterFirstPass(srcHigh: Uint32Array, dstIndex: Uint32Array, dstHigh: Uint32Array, counts: Uint32Array, base: number, shift: number): void {
  for (let j = 0; j < srcHigh.length; j++) {
    const h = srcHigh[j] as number;
    const at = counts[base + ((h >>> shift) & MASK)]!++;
    dstIndex[at] = j;
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

/**
 * Indices that sort `values` ascending, stable (equal values keep their input order), like
 * `numpy.argsort(values, kind="stable")`.
 */
export function argsort(values: Numbers): Uint32Array {
  if (values.length === 0) return new Uint32Array(0);
  return sortKeys(values, FRESH_ARRAYS).order;
}

/** A sample's dense ranks, with the ascending order and the groups of equal values they come from. */
export interface DenseRanks {
  /** Each item's dense rank: 0 for the smallest value, equal values share one. */
  readonly rank: Uint32Array;
  /** The number of distinct values (groups). */
  readonly distinct: number;
  /** Items in ascending order, equal values in input order (stable). */
  readonly order: Uint32Array;
  /** Where each group starts in `order`; `starts[distinct]` is n. */
  readonly starts: Uint32Array;
  /** The number of pairs of items with equal values. */
  readonly tiedPairs: number;
}

/**
 * Dense ranks of `values`, in arrays from `arrays` (fresh unless the caller reuses its own). Data on a
 * few levels (MOS means, 1–5 answers) are ranked by hashing their values and sorting only the distinct
 * ones; other data by the radix sort, whose sorted keys tell equal neighbours apart without reading the
 * values again.
 */
export function denseRanks(values: Float64Array, arrays: Arrays = FRESH_ARRAYS): DenseRanks {
  const rank = arrays.uint32(values.length);
  return fewValueRanks(values, rank, arrays) ?? sortedRanks(values, rank, arrays);
}

/** Dense ranks from the radix sort, written into `rank`: one walk along the sorted keys. */
function sortedRanks(values: Float64Array, rank: Uint32Array, arrays: Arrays): DenseRanks {
  const n = values.length;
  const starts = arrays.uint32(n + 1);
  starts[0] = 0;
  if (n === 0) return { rank, distinct: 0, order: arrays.uint32(0), starts, tiedPairs: 0 };
  const { order, sortedHigh, low } = sortKeys(values, arrays);
  let group = 0;
  let tiedPairs = 0;
  let previous = order[0] as number;
  rank[previous] = 0;
  for (let k = 1; k < n; k++) {
    const i = order[k] as number;
    // Low words only where the high words agree: the common case reads the sorted keys alone.
    if (sortedHigh[k] !== sortedHigh[k - 1] || low[i] !== low[previous]) {
      const size = k - (starts[group] as number);
      tiedPairs += (size * (size - 1)) / 2;
      starts[++group] = k;
    }
    rank[i] = group;
    previous = i;
  }
  const size = n - (starts[group] as number);
  tiedPairs += (size * (size - 1)) / 2;
  starts[group + 1] = n;
  return { rank, distinct: group + 1, order, starts: starts.subarray(0, group + 2), tiedPairs };
}
