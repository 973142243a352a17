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
// sorting is synchronous and never re-entered; what the exports return is always fresh. Five regions
// of n words: high and low keys, and scratch for the indices, high and low keys being moved.
let working = new Uint32Array(0);
const COUNTS = new Uint32Array(6 * BUCKETS);

/** Region k (0 ≤ k < 5) of the working space for n items, grown when needed. */
function region(n: number, k: number): Uint32Array {
  if (working.length < 5 * n) working = new Uint32Array(5 * n);
  return working.subarray(k * n, (k + 1) * n);
}

/**
 * Unsigned 64-bit keys (high and low words) whose order is the numeric order of finite doubles, read
 * from the doubles' own bytes; also counts the three 11-bit digits of the high words into `counts`,
 * saving a pass over the keys.
 */
function fillKeys(values: Numbers, high: Uint32Array, low: Uint32Array, counts: Uint32Array): void {
  const floats = values instanceof Float64Array ? values : Float64Array.from(values);
  const words = new Uint32Array(floats.buffer, floats.byteOffset, 2 * floats.length);
  counts.fill(0, 0, 3 * BUCKETS);
  for (let i = 0; i < high.length; i++) {
    let h = words[2 * i + HIGH_WORD] as number;
    let l = words[2 * i + LOW_WORD] as number;
    // −0 is +0; then flip every bit of negatives, only the sign of others.
    if (h === 0x80000000 && l === 0) h = 0;
    if (h >>> 31 === 1) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    high[i] = h;
    low[i] = l;
    counts[h & MASK]!++;
    counts[BUCKETS + ((h >>> 11) & MASK)]!++;
    counts[2 * BUCKETS + (h >>> 22)]!++;
  }
}

/** A stable ascending order with the sorted items' keys, both words in sorted order (views of the working space). */
interface SortedKeys {
  readonly order: Uint32Array;
  readonly sortedHigh: Uint32Array;
  readonly sortedLow: Uint32Array;
}

/** Longest run of equal high words settled by insertion; a longer run is checked for ties first. */
const LONGEST_RUN = 32;

/** 0, 1, 2, …: the input order, read by the first radix pass (grown when needed, never written after). */
let identity = new Uint32Array(0);

/** The first n entries of the identity permutation. */
function identityOf(n: number): Uint32Array {
  if (identity.length < n) identity = Uint32Array.from({ length: Math.max(n, 2 * identity.length) }, (_, i) => i);
  return identity.subarray(0, n);
}

/**
 * Radix-sorts the high 32 bits of the keys (three passes; the last one also brings each item's low word
 * along, so that later steps read the low words in sequence), then orders each run of equal high words
 * by its low words: short runs by insertion, long runs only when their low words differ (a long run of
 * one repeated value, as tied data give, is already in input order). Data whose long runs hold
 * different values (they differ only far down the mantissa) take the full six-pass sort instead.
 */
function sortKeys(values: Numbers, arrays: Arrays): SortedKeys {
  const n = values.length;
  const order = arrays.uint32(n);
  const counts = COUNTS;
  let sortedHigh = region(n, 0);
  const lowByItem = region(n, 1);
  fillKeys(values, sortedHigh, lowByItem, counts);
  // Passes on a digit every key shares are skipped. The index buffers alternate so that the last pass
  // writes into `order`.
  const passes: number[] = [];
  for (let d = 0; d < 3; d++) if (toOffsets(counts, d * BUCKETS, n)) passes.push(d);
  const scratch = region(n, 2);
  let spareHigh = region(n, 3);
  let sortedLow = lowByItem;
  let sortedIndex = identityOf(n);
  for (let k = 0; k < passes.length; k++) {
    const base = (passes[k] as number) * BUCKETS;
    const shift = (passes[k] as number) * 11;
    const dstIndex = (passes.length - k) % 2 === 1 ? order : scratch;
    if (k + 1 < passes.length) scatterByHighDigit(sortedIndex, sortedHigh, dstIndex, spareHigh, counts, base, shift);
    else {
      sortedLow = region(n, 4);
      scatterWithLowWords(sortedIndex, sortedHigh, lowByItem, dstIndex, spareHigh, sortedLow, counts, base, shift);
    }
    sortedIndex = dstIndex;
    [sortedHigh, spareHigh] = [spareHigh, sortedHigh];
  }
  if (passes.length === 0) order.set(sortedIndex);
  for (let start = 0; start < n; ) {
    const h = sortedHigh[start] as number;
    let end = start + 1;
    while (end < n && sortedHigh[end] === h) end++;
    if (end - start > LONGEST_RUN) {
      if (!sameWords(sortedLow, start, end)) return sortKeysFull(values, order);
    } else if (end - start > 1) {
      insertionByLowWord(order, sortedLow, start, end);
    }
    start = end;
  }
  return { order, sortedHigh, sortedLow };
}

/** Whether positions [start, end) of `words` hold one value. */
function sameWords(words: Uint32Array, start: number, end: number): boolean {
  const first = words[start] as number;
  for (let k = start + 1; k < end; k++) if (words[k] !== first) return false;
  return true;
}

/** Orders positions [start, end) by low word, moving indices along; the strict comparison keeps equal keys in input order. */
function insertionByLowWord(index: Uint32Array, low: Uint32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const item = index[i] as number;
    const key = low[i] as number;
    let j = i - 1;
    while (j >= start && (low[j] as number) > key) {
      index[j + 1] = index[j] as number;
      low[j + 1] = low[j] as number;
      j--;
    }
    index[j + 1] = item;
    low[j + 1] = key;
  }
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
  for (let j = 0; j < srcHigh.length; j++) {
    const h = srcHigh[j] as number;
    const at = counts[base + ((h >>> shift) & MASK)]!++;
    dstIndex[at] = srcIndex[j] as number;
    dstHigh[at] = h;
  }
}

/** `scatterByHighDigit` that also places each item's low word (from `lowByItem`) beside its high word. */
function scatterWithLowWords(
  srcIndex: Uint32Array,
  srcHigh: Uint32Array,
  lowByItem: Uint32Array,
  dstIndex: Uint32Array,
  dstHigh: Uint32Array,
  dstLow: Uint32Array,
  counts: Uint32Array,
  base: number,
  shift: number,
): void {
  for (let j = 0; j < srcHigh.length; j++) {
    const h = srcHigh[j] as number;
    const at = counts[base + ((h >>> shift) & MASK)]!++;
    const item = srcIndex[j] as number;
    dstIndex[at] = item;
    dstHigh[at] = h;
    dstLow[at] = lowByItem[item] as number;
  }
}

/** Digit d (0–5, least significant first) of the 64-bit key (high, low), 11 bits each. */
function digitOf(high: number, low: number, d: number): number {
  if (d < 2) return (low >>> (11 * d)) & MASK;
  if (d === 2) return (low >>> 22) | ((high & 1) << 10);
  return (high >>> (11 * d - 32)) & MASK;
}

/** The full 64-bit LSD radix sort (six passes of 11 bits) into `order`, for data the fast path cannot settle. */
function sortKeysFull(values: Numbers, order: Uint32Array): SortedKeys {
  const n = values.length;
  // The fast path moved the keys around: take fresh ones.
  let srcHigh = region(n, 0);
  let srcLow = region(n, 1);
  const counts = COUNTS;
  fillKeys(values, srcHigh, srcLow, counts);
  // Six digits of 11 bits cover 64 bits; one read of the keys fills every histogram.
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const h = srcHigh[i] as number;
    const l = srcLow[i] as number;
    for (let d = 0; d < 6; d++) counts[d * BUCKETS + digitOf(h, l, d)]!++;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  // Keys travel with their indices so that every pass reads memory sequentially.
  let srcIndex: Uint32Array = order;
  let dstIndex: Uint32Array = region(n, 2);
  let dstHigh = region(n, 3);
  let dstLow = region(n, 4);
  for (let d = 0; d < 6; d++) {
    if (!toOffsets(counts, d * BUCKETS, n)) continue;
    for (let j = 0; j < n; j++) {
      const h = srcHigh[j] as number;
      const l = srcLow[j] as number;
      const at = counts[d * BUCKETS + digitOf(h, l, d)]!++;
      dstIndex[at] = srcIndex[j] as number;
      dstHigh[at] = h;
      dstLow[at] = l;
    }
    [srcIndex, dstIndex] = [dstIndex, srcIndex];
    [srcHigh, dstHigh] = [dstHigh, srcHigh];
    [srcLow, dstLow] = [dstLow, srcLow];
  }
  if (srcIndex !== order) order.set(srcIndex);
  return { order, sortedHigh: srcHigh, sortedLow: srcLow };
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
  /** The number of items. */
  readonly n: number;
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

/** Dense ranks from the radix sort, written into `rank` when first read: one walk along the sorted keys. */
function sortedRanks(values: Float64Array, rank: Uint32Array, arrays: Arrays): DenseRanks {
  const n = values.length;
  const starts = arrays.uint32(n + 1);
  starts[0] = 0;
  if (n === 0) return { n, rank, distinct: 0, order: arrays.uint32(0), starts, tiedPairs: 0 };
  const { order, sortedHigh, sortedLow } = sortKeys(values, arrays);
  let group = 0;
  let tiedPairs = 0;
  for (let k = 1; k < n; k++) {
    if (sortedHigh[k] !== sortedHigh[k - 1] || sortedLow[k] !== sortedLow[k - 1]) {
      const size = k - (starts[group] as number);
      tiedPairs += (size * (size - 1)) / 2;
      starts[++group] = k;
    }
  }
  const size = n - (starts[group] as number);
  tiedPairs += (size * (size - 1)) / 2;
  starts[group + 1] = n;
  const distinct = group + 1;
  // Each item's rank is written on first use: Kendall's counts over the sorted side never need it.
  let ranked = false;
  return {
    n,
    get rank() {
      if (!ranked) {
        for (let g = 0; g < distinct; g++) {
          for (let k = starts[g] as number; k < (starts[g + 1] as number); k++) rank[order[k] as number] = g;
        }
        ranked = true;
      }
      return rank;
    },
    distinct,
    order,
    starts: starts.subarray(0, distinct + 1),
    tiedPairs,
  };
}
