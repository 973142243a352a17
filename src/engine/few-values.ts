/**
 * Dense ranks of data on a few levels without sorting the data: MOS means of a handful of raters or a
 * method's 1–5 answers take a few dozen distinct values, and a hash table of those values ranks a
 * million items in one pass, where a sort would move every item several times.
 */

import type { Arrays } from "./arrays.ts";
import type { DenseRanks } from "./rank-data.ts";

/** Most distinct values the hash path takes; beyond this the caller sorts. */
export const FEW_VALUES = 2048;

// Which 32-bit half of a double holds the sign and exponent (see rank-data.ts).
const HIGH_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW_WORD = 1 - HIGH_WORD;

// The hash table, kept between calls (sorting and ranking are synchronous and never re-entered): a
// fresh 100 KB per call made the garbage collector a visible part of a one-off correlation.
const TABLE = { values: new Float64Array(4 * FEW_VALUES), ids: new Int32Array(4 * FEW_VALUES), seen: new Float64Array(FEW_VALUES) };

/** A slot for the double with words (high, low), spread by MurmurHash3's finalizer; `mask` is 2^k − 1. */
function slotOf(high: number, low: number, mask: number): number {
  let h = high ^ Math.imul(low, 0xcc9e2d51);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

/**
 * Dense ranks of `values`, written into `rank`, when they take at most `FEW_VALUES` distinct values;
 * else null (and `rank` holds nothing of use). Open addressing on the values' bit patterns (−0 hashed
 * as +0, and equal to it), the table at most a quarter full.
 */
export function fewValueRanks(values: Float64Array, rank: Uint32Array, arrays: Arrays): DenseRanks | null {
  const n = values.length;
  const capacity = Math.min(n, FEW_VALUES);
  let size = 16;
  while (size < 4 * capacity) size *= 2;
  const mask = size - 1;
  const slotValue = TABLE.values;
  const slotId = TABLE.ids.fill(-1, 0, size);
  const seen = TABLE.seen;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // First pass: each item gets the id of its value, ids in order of first appearance.
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let slot = v === 0 ? 0 : slotOf(words[2 * i + HIGH_WORD] as number, words[2 * i + LOW_WORD] as number, mask);
    for (;;) {
      const id = slotId[slot] as number;
      if (id >= 0 && slotValue[slot] === v) {
        rank[i] = id;
        break;
      }
      if (id < 0) {
        if (distinct === capacity) return null;
        slotId[slot] = distinct;
        slotValue[slot] = v;
        seen[distinct] = v;
        rank[i] = distinct++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  // Ids to ranks: sort the distinct values only (each id's rank by binary search among them), then count
  // the items per rank; placing them in order is a stable counting sort.
  const sorted = seen.slice(0, distinct).sort();
  const rankOfId = new Uint32Array(distinct);
  for (let id = 0; id < distinct; id++) rankOfId[id] = lowerBound(sorted, seen[id] as number);
  const starts = arrays.uint32(distinct + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const r = rankOfId[rank[i] as number] as number;
    rank[i] = r;
    starts[r + 1]!++;
  }
  let tiedPairs = 0;
  for (let r = 0; r < distinct; r++) {
    const count = starts[r + 1] as number;
    tiedPairs += (count * (count - 1)) / 2;
    starts[r + 1] = (starts[r] as number) + count;
  }
  // The order is placed on first use: SRCC and a contingency table never need it.
  let order: Uint32Array | undefined;
  return {
    n,
    rank,
    distinct,
    get order() {
      if (order === undefined) {
        const next = starts.slice(0, distinct);
        order = arrays.uint32(n);
        for (let i = 0; i < n; i++) order[next[rank[i] as number]!++] = i;
      }
      return order;
    },
    starts,
    tiedPairs,
  };
}

/** The first position in ascending `sorted` whose value is not below `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
