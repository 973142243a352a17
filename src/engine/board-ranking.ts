/**
 * A board's ranking with its uncertainty, in one pass, from every entry's point values and its values on
 * the board's shared resamples (see bootstrap.ts):
 * - column ranks and the overall rank by the ranking rules (`rankBoard`);
 * - column and overall rank intervals: the percentile interval of the entry's rank over the resamples,
 *   the whole board re-ranked on each (lower end rounded down, upper end rounded up: ranks are whole);
 * - separability: two entries adjacent in display order are separable when the paired bootstrap of their
 *   rank sums (`pairedDifference`) rejects "no difference" after Holm's correction over all of the board's
 *   adjacent pairs (`holmAdjusted`): the marks are read together, as one statement about the board, so the
 *   chance that any of them is wrong is held at 1 − confidence. Rank intervals are marginal: each holds for
 *   its own entry at the confidence level, not for all entries at once.
 * Boards without resampled values (published figures) get ranks and no intervals.
 */
import { percentileInterval } from "./bootstrap.ts";
import { holmAdjusted } from "./multiplicity.ts";
import { pairedDifference } from "./paired-difference.ts";
import { rankBoard, type Direction, type RankedRow } from "./ranking.ts";

/** One entry of a board: its value and resampled values per ranked column. */
export interface RankableEntry {
  readonly id: string;
  readonly name: string;
  /** Point value per ranked column (null where the entry has none). */
  readonly values: ReadonlyArray<number | null>;
  /**
   * Values on the board's resamples per ranked column (NaN where undefined); null without resamples. Stored values
   * come as a Float32Array (a view of the stored bytes, no copy: see db/draws.ts), others as doubles.
   */
  readonly draws: ReadonlyArray<Float64Array | Float32Array | null>;
}

/** A rank with its interval (null ends without resamples). */
export interface RankWithInterval {
  readonly rank: number | null;
  readonly rankBest: number | null;
  readonly rankWorst: number | null;
}

/** An entry's complete place on a board. */
export interface RankedEntry extends RankedRow, RankWithInterval {
  /**
   * Whether the entry is told apart from the next one in display order, Holm-corrected over the board's adjacent
   * pairs; null for the last ranked entry, unranked entries, and without resamples.
   */
  readonly separableFromNext: boolean | null;
  readonly columns: readonly RankWithInterval[];
  /**
   * The entry's rank sum on each of the board's resamples (what its separability tests pair; a compare view pairs
   * any two entries' with `pairedDifference`); null for an unranked entry and without resamples.
   */
  readonly rankSumDraws: Float64Array | null;
}

/** A percentile interval of resampled ranks. */
interface Percentiles {
  readonly low: number;
  readonly high: number;
}

/**
 * The percentile interval of `m` whole-number ranks from their counts (`counts[offset + r]` of rank r, zero outside
 * `lowest` to `highest`), as `percentileInterval` gives it to the last bit; leaves the counts all zero for the next.
 */
function percentilesFromCounts(counts: Uint32Array, offset: number, m: number, lowest: number, highest: number, confidence: number): Percentiles | null {
  if (m === 0) return null;
  // The k-th smallest rank (from 0), walking the counts.
  const kth = (k: number): number => {
    let below = 0;
    for (let rank = lowest; rank <= highest; rank++) {
      below += counts[offset + rank] as number;
      if (k < below) return rank;
    }
    return Number.NaN;
  };
  // quantileSorted's arithmetic, exactly: h = (m − 1)q, the values at ⌊h⌋ and the next, interpolated.
  const quantile = (q: number): number => {
    const h = (m - 1) * q;
    const lo = Math.floor(h);
    const a = kth(lo);
    return a + (h - lo) * (kth(Math.min(lo + 1, m - 1)) - a);
  };
  const alpha = 1 - confidence;
  const interval = { low: quantile(alpha / 2), high: quantile(1 - alpha / 2) };
  counts.fill(0, offset + lowest, offset + highest + 1);
  return interval;
}

/**
 * The percentile interval of resampled ranks (whole numbers from 1 to `counts.length - 2`, NaN where unranked), as
 * `percentileInterval` gives it to the last bit, from a count of each rank instead of a sort: a board re-ranks
 * every entry's ranks on every scope, and a sort per rank was most of a submit's cost at 1,000 entries.
 */
function rankPercentiles(ranks: Float64Array, confidence: number, counts: Uint32Array): Percentiles | null {
  // Counts kept between the lowest and highest rank seen only: an entry's resampled ranks span a few places of a long board.
  let m = 0;
  let lowest = counts.length;
  let highest = -1;
  for (let b = 0; b < ranks.length; b++) {
    const rank = ranks[b] as number;
    if (Number.isNaN(rank)) continue;
    if (!Number.isInteger(rank) || rank < 0 || rank >= counts.length) {
      for (let r = lowest; r <= highest; r++) counts[r] = 0;
      return percentileInterval(ranks, confidence);
    }
    (counts[rank] as number)++;
    if (rank < lowest) lowest = rank;
    if (rank > highest) highest = rank;
    m++;
  }
  return percentilesFromCounts(counts, 0, m, lowest, highest, confidence);
}

/** A rank interval: the percentile interval rounded outwards (ranks are whole). */
interface RankSpan {
  readonly best: number;
  readonly worst: number;
}

function outwards(interval: Percentiles | null): RankSpan | null {
  return interval === null ? null : { best: Math.floor(interval.low), worst: Math.ceil(interval.high) };
}

function rankInterval(draws: Float64Array, confidence: number, counts: Uint32Array): RankSpan | null {
  return outwards(rankPercentiles(draws, confidence, counts));
}

/** Entries counted at once by `blockIntervals`: their counts (entries × ranks) stay in the cache. */
const COUNTED_TILE = 32;

/** Counts of `blockIntervals`, kept between boards (left all zero). */
let tileCounts = new Uint32Array(0);

/**
 * Every entry's rank interval from a resample-major block of its ranks (`block[b × n + e]`, 0 where it has none),
 * as `rankInterval` gives it from the entry's own ranks, counted a tile of entries at a time straight from the block
 * (turning the block into each entry's array first was most of the cost).
 */
function blockIntervals(block: Uint32Array, n: number, resamples: number, confidence: number, set: (e: number, span: RankSpan | null) => void): void {
  const width = n + 2;
  if (tileCounts.length < COUNTED_TILE * width) tileCounts = new Uint32Array(COUNTED_TILE * width);
  const counts = tileCounts;
  const lowest = new Int32Array(COUNTED_TILE);
  const highest = new Int32Array(COUNTED_TILE);
  const m = new Int32Array(COUNTED_TILE);
  for (let e0 = 0; e0 < n; e0 += COUNTED_TILE) {
    const e1 = Math.min(n, e0 + COUNTED_TILE);
    lowest.fill(width);
    highest.fill(-1);
    m.fill(0);
    for (let b = 0; b < resamples; b++) {
      const row = b * n;
      for (let e = e0; e < e1; e++) {
        const rank = block[row + e] as number;
        if (rank === 0) continue;
        const t = e - e0;
        (counts[t * width + rank] as number)++;
        if (rank < (lowest[t] as number)) lowest[t] = rank;
        if (rank > (highest[t] as number)) highest[t] = rank;
        (m[t] as number)++;
      }
    }
    for (let e = e0; e < e1; e++) {
      const t = e - e0;
      set(e, outwards(percentilesFromCounts(counts, t * width, m[t] as number, lowest[t] as number, highest[t] as number, confidence)));
    }
  }
}

/** The resample count shared by every resampled value, or null when some value has none. */
function resampleCount(entries: ReadonlyArray<RankableEntry>): number | null {
  let count: number | null = null;
  for (const entry of entries) {
    for (let c = 0; c < entry.values.length; c++) {
      if (entry.values[c] === null) continue;
      const draws = entry.draws[c];
      if (draws === null || draws === undefined) return null;
      if (count !== null && draws.length !== count) throw new RangeError(`entry "${entry.id}" has ${draws.length} resamples where others have ${count}`);
      count = draws.length;
    }
  }
  return count;
}

/** An entry's places on each of the board's resamples (NaN where it has none): overall rank, rank sum, column ranks. */
export interface ResampledPlaces {
  readonly overall: Float64Array;
  readonly rankSums: Float64Array;
  readonly columns: readonly Float64Array[];
}

/** A board re-ranked on each of its resamples (see `resampledPlaces`). */
export interface BoardResamples {
  /** Every entry's rank sum on each resample (NaN where it has none), in the order of the entries. */
  readonly rankSums: readonly Float64Array[];
  /** The wanted entries' places, null for the others. */
  readonly places: readonly (ResampledPlaces | null)[];
}

/** How many of the `count` ascending `sorted` values are below `x` (all of them are finite). */
function countBelow(sorted: Float64Array, count: number, x: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the `count` ascending `sorted` values are above `x`. */
function countAbove(sorted: Float64Array, count: number, x: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return count - lo;
}

/**
 * The whole board re-ranked on each resample, by the ranking rules: every entry's rank sum (the separability
 * tests need all of them), and the overall and column places of the entries `wanted` picks (by index; every entry
 * by default), in the order of `entries` (null for the others); null altogether when some value has no resamples
 * (published figures). On a resample a column rank is one plus the number of values strictly better (competition
 * ranks) and the overall rank one plus the number of rank sums strictly lower, so each resample costs one sort per
 * column and per rank sum, however few entries are wanted.
 */
export function resampledPlaces(
  entries: ReadonlyArray<RankableEntry>,
  directions: ReadonlyArray<Direction>,
  wanted: (index: number) => boolean = () => true,
): BoardResamples | null {
  const resamples = resampleCount(entries);
  if (resamples === null) return null;
  const n = entries.length;
  const wantedIndex = entries.map((_, e) => wanted(e));
  const width = 1 + directions.length;
  // Views of one block rather than an array each (see `rankSumsOf`). Every place is written below (NaN where there is none).
  const placesBlock = new Float64Array(wantedIndex.filter(Boolean).length * width * resamples);
  let next = 0;
  const view = () => placesBlock.subarray(next * resamples, ++next * resamples);
  const rankSums = rankSumsOf(n, resamples);
  const places = entries.map((_, e) => (wantedIndex[e] ? { overall: view(), rankSums: rankSums[e] as Float64Array, columns: directions.map(() => view()) } : null));
  const board = { n, resamples, directions, drawsOf: drawsByColumn(entries, directions), rankSums, places, entries, intervals: null };
  if (allSingle(board)) placesBySingleKeys(board);
  else {
    checkFinite(board);
    placesBySearch(board);
  }
  return { rankSums, places };
}

/**
 * Every entry's rank sums, as views of one block rather than an array each: a 1,000-entry board on 1,000 resamples is
 * thousands of arrays per scope, and collecting them was a fifth of a submit's time.
 */
function rankSumsOf(n: number, resamples: number): Float64Array[] {
  const block = new Float64Array(n * resamples);
  return Array.from({ length: n }, (_, e) => block.subarray(e * resamples, (e + 1) * resamples));
}

/** Each column's resampled values, null where the entry has no value (then it takes no place in that column). */
function drawsByColumn(entries: ReadonlyArray<RankableEntry>, directions: ReadonlyArray<Direction>): (Float64Array | Float32Array | null)[][] {
  return directions.map((_, c) => entries.map((entry) => (entry.values[c] === null ? null : (entry.draws[c] as Float64Array | Float32Array))));
}

/** Whether every resampled value of the board is single-precision (stored values always are). */
function allSingle({ drawsOf }: BoardWork): boolean {
  return drawsOf.every((column) => column.every((draws) => draws === null || isSingle(draws)));
}

/** An entry's rank intervals on a board: overall and per column (null where it has no rank on any resample). */
interface EntryIntervals {
  overall: RankSpan | null;
  readonly columns: (RankSpan | null)[];
}

/**
 * The board re-ranked on each resample as `resampledPlaces` does, kept as what a ranking shows of it: every entry's
 * rank sums and its rank intervals (those `rankInterval` gives from its places); null without resamples.
 */
function resampledIntervals(entries: ReadonlyArray<RankableEntry>, directions: ReadonlyArray<Direction>, confidence: number): { rankSums: readonly Float64Array[]; intervals: readonly EntryIntervals[] } | null {
  const resamples = resampleCount(entries);
  if (resamples === null) return null;
  const n = entries.length;
  const intervals: EntryIntervals[] = entries.map(() => ({ overall: null, columns: directions.map(() => null) }));
  const rankSums = rankSumsOf(n, resamples);
  const board = { n, resamples, directions, drawsOf: drawsByColumn(entries, directions), rankSums, places: entries.map(() => null), entries, intervals: { confidence, of: intervals } };
  if (allSingle(board)) {
    // Intervals counted straight from the resample-major blocks: no entry's places are made.
    placesBySingleKeys(board);
    return { rankSums, intervals };
  }
  const resampled = resampledPlaces(entries, directions) as BoardResamples;
  const counts = new Uint32Array(n + 2);
  return { rankSums: resampled.rankSums, intervals: resampled.places.map((mine) => placesIntervals(mine as ResampledPlaces, confidence, counts)) };
}

/** An entry's rank intervals from its places on the resamples. */
function placesIntervals(mine: ResampledPlaces, confidence: number, counts: Uint32Array): EntryIntervals {
  return { overall: rankInterval(mine.overall, confidence, counts), columns: mine.columns.map((ranks) => rankInterval(ranks, confidence, counts)) };
}

/** A board being re-ranked on its resamples: its columns' resampled values, and the places and rank sums to fill. */
interface BoardWork {
  readonly n: number;
  readonly resamples: number;
  readonly directions: ReadonlyArray<Direction>;
  readonly drawsOf: readonly (readonly (Float64Array | Float32Array | null)[])[];
  readonly rankSums: readonly Float64Array[];
  readonly places: readonly (ResampledPlaces | null)[];
  readonly entries: ReadonlyArray<RankableEntry>;
  /** Rank intervals to count straight from the places (single-precision values only), instead of places. */
  readonly intervals: { readonly confidence: number; readonly of: EntryIntervals[] } | null;
}

/** Throws on the first infinite resampled value (column by column, entry by entry): a board cannot rank it. */
function checkFinite({ resamples, drawsOf, entries }: BoardWork): void {
  for (const column of drawsOf) {
    column.forEach((draws, e) => {
      if (draws === null) return;
      for (let b = 0; b < resamples; b++) {
        const x = draws[b] as number;
        if (!Number.isNaN(x) && !Number.isFinite(x)) throw new RangeError(`cannot rank a non-finite value (${x}) of entry "${entries[e]?.id}"`);
      }
    });
  }
}

/** Whether every value is a single-precision float (as the store keeps resampled values, see db/draws.ts) or NaN. */
function isSingle(values: Float64Array | Float32Array): boolean {
  if (values instanceof Float32Array) return true;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Math.fround(x) !== x && !Number.isNaN(x)) return false;
  }
  return true;
}

const single = new Float32Array(1);
const singleBits = new Uint32Array(single.buffer);

/** A single-precision value's 32 bits as an unsigned integer in the value's order (-0 as 0); NaN last of all. */
function orderedBits(x: number): number {
  if (Number.isNaN(x)) return 0xffffffff;
  single[0] = x === 0 ? 0 : x;
  const u = singleBits[0] as number;
  return u & 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0;
}

/** Single-precision bits (as a Uint32Array reads a Float32Array) as an unsigned integer in the values' order, -0 as 0, NaN last. */
function orderedFromBits(u: number): number {
  if ((u & 0x7fffffff) > 0x7f800000) return 0xffffffff;
  if (u === 0x80000000) return 0x80000000;
  return u & 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0;
}

/** Up to how many keys `radixSort` sorts by insertion instead. */
const SHORT = 32;

/** The two pairs of arrays `radixSort` sorts into, and its byte counts (four bytes × 256). */
interface SortSpace {
  readonly keys: [Uint32Array, Uint32Array];
  readonly order: [Uint32Array, Uint32Array];
  readonly counts: Uint32Array;
}

function sortSpace(n: number): SortSpace {
  return { keys: [new Uint32Array(n), new Uint32Array(n)], order: [new Uint32Array(n), new Uint32Array(n)], counts: new Uint32Array(4 * 256) };
}

/**
 * `source`'s keys sorted ascending, with each one's index in `source` alongside, by a least-significant-digit radix
 * sort over their four bytes (all four bytes counted in one read, a byte that every key shares skipped, the first
 * pass reading `source` itself); returns the arrays of `space` that hold the result. `source` is only read.
 */
function radixSort(source: Uint32Array, space: SortSpace): [Uint32Array, Uint32Array] {
  const count = source.length;
  const [k1, k2] = space.keys;
  const [o1, o2] = space.order;
  if (count <= SHORT) {
    // A short board: insertion sort, where passes over 256 counts would cost more than the keys themselves.
    for (let i = 0; i < count; i++) {
      const key = source[i] as number;
      let j = i - 1;
      while (j >= 0 && (k1[j] as number) > key) {
        k1[j + 1] = k1[j] as number;
        o1[j + 1] = o1[j] as number;
        j--;
      }
      k1[j + 1] = key;
      o1[j + 1] = i;
    }
    return [k1, o1];
  }
  const counts = space.counts;
  counts.fill(0);
  for (let i = 0; i < count; i++) {
    const key = source[i] as number;
    (counts[key & 255] as number)++;
    (counts[256 + ((key >>> 8) & 255)] as number)++;
    (counts[512 + ((key >>> 16) & 255)] as number)++;
    (counts[768 + (key >>> 24)] as number)++;
  }
  let from: Uint32Array = source;
  let fromOrder: Uint32Array | null = null;
  let to = k1;
  let toOrder = o1;
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 256;
    const shift = pass * 8;
    if (counts[base + (((source[0] as number) >>> shift) & 255)] === count) continue;
    let sum = 0;
    for (let d = base; d < base + 256; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < count; i++) {
      const key = from[i] as number;
      const at = (counts[base + ((key >>> shift) & 255)] as number)++;
      to[at] = key;
      toOrder[at] = fromOrder === null ? i : (fromOrder[i] as number);
    }
    from = to;
    fromOrder = toOrder;
    to = to === k1 ? k2 : k1;
    toOrder = toOrder === o1 ? o2 : o1;
  }
  if (fromOrder !== null) return [from, fromOrder];
  // Every key equal: already in order.
  k1.set(source);
  for (let i = 0; i < count; i++) o1[i] = i;
  return [k1, o1];
}

/** Tile edge of the transpositions below: a tile's rows stay in the cache while its columns are walked. */
const TILE = 64;

/**
 * Copies `rows` × `cols` whole-number places of `from` (row-major: row r at r × cols; 0 where there is no place) into
 * `to(c)` at row r, as NaN where there is none, a tile at a time, so that neither side is walked with a stride of a
 * whole row (each strided write would miss the cache).
 */
function transposeInto(from: Uint32Array, rows: number, cols: number, to: (col: number) => Float64Array | null): void {
  for (let c0 = 0; c0 < cols; c0 += TILE) {
    const c1 = Math.min(cols, c0 + TILE);
    for (let r0 = 0; r0 < rows; r0 += TILE) {
      const r1 = Math.min(rows, r0 + TILE);
      for (let c = c0; c < c1; c++) {
        const target = to(c);
        if (target === null) continue;
        for (let r = r0; r < r1; r++) {
          const place = from[r * cols + c] as number;
          target[r] = place === 0 ? Number.NaN : place;
        }
      }
    }
  }
}

/** The ordered keys (see `orderedBits`) of +∞ and −∞, which no board can rank. */
const PLUS_INFINITY_KEY = 0xff800000;
const MINUS_INFINITY_KEY = 0x007fffff;

/**
 * One column's keys resample by resample (`keys[b × n + e]`, entries contiguous), from the entries' arrays, a tile at
 * a time as `transposeInto`; NaN's key (last of all) where an entry has no value. Returns whether a value is infinite.
 */
function keysInto(keys: Uint32Array, column: readonly (Float64Array | Float32Array | null)[], n: number, resamples: number): boolean {
  let infinite = false;
  // Stored values: their bits read directly, no conversion per value.
  const bitsOf = column.map((draws) => (draws instanceof Float32Array ? new Uint32Array(draws.buffer, draws.byteOffset, draws.length) : null));
  for (let e0 = 0; e0 < n; e0 += TILE) {
    const e1 = Math.min(n, e0 + TILE);
    for (let b0 = 0; b0 < resamples; b0 += TILE) {
      const b1 = Math.min(resamples, b0 + TILE);
      for (let e = e0; e < e1; e++) {
        const bits = bitsOf[e] ?? null;
        const draws = column[e] ?? null;
        if (bits !== null) {
          for (let b = b0; b < b1; b++) {
            const key = orderedFromBits(bits[b] as number);
            if (key === PLUS_INFINITY_KEY || key === MINUS_INFINITY_KEY) infinite = true;
            keys[b * n + e] = key;
          }
        } else if (draws === null) for (let b = b0; b < b1; b++) keys[b * n + e] = 0xffffffff;
        else {
          for (let b = b0; b < b1; b++) {
            const key = orderedBits(draws[b] as number);
            if (key === PLUS_INFINITY_KEY || key === MINUS_INFINITY_KEY) infinite = true;
            keys[b * n + e] = key;
          }
        }
      }
    }
  }
  return infinite;
}

/** Working memory of `placesBySingleKeys`, kept between boards (every cell it reads is written first). */
let scratch = new Uint32Array(0);

/**
 * Every resample's places when all values are single-precision (always so for stored resampled values): per
 * resample and column one radix sort of the values' ordered bits gives every entry's competition rank in one pass
 * (ties share a run of equal keys), and one count of the whole-number rank sums gives every overall rank. Places are
 * written resample by resample into blocks of whole numbers (entries contiguous, 0 where there is no place) and then
 * turned into each entry's arrays in tiles: written straight into an entry's array, every place was a cache miss,
 * most of a 1,000-entry board's time. The blocks are reused from board to board rather than allocated and filled.
 */
function placesBySingleKeys(board: BoardWork): void {
  const { n, resamples, directions, drawsOf, rankSums, places, intervals } = board;
  const columns = directions.length;
  const cells = resamples * n;
  // Column and overall places are kept (in blocks) when some entry's are wanted, or its intervals.
  const anyWanted = intervals !== null || places.some((place) => place !== null);
  // Per column its keys and (when places are wanted) its ranks; the rank sums; the overall ranks.
  const blocks = columns * (anyWanted ? 2 : 1) + (anyWanted ? 2 : 1);
  if (scratch.length < blocks * cells) scratch = new Uint32Array(blocks * cells);
  let used = 0;
  const block = () => scratch.subarray(used * cells, ++used * cells);
  const keysOf = drawsOf.map(() => block());
  let infinite = false;
  drawsOf.forEach((column, c) => {
    if (keysInto(keysOf[c] as Uint32Array, column, n, resamples)) infinite = true;
  });
  // The error names the first infinite value in the order of a plain check.
  if (infinite) checkFinite(board);
  const columnBlocks = directions.map(() => (anyWanted ? block() : null));
  const overallBlock = anyWanted ? block() : null;
  const sumsBlock = block();
  const space = sortSpace(n);
  const sums = new Float64Array(n);
  const sumCounts = new Uint32Array(columns * n + 2);
  for (let b = 0; b < resamples; b++) {
    const row = b * n;
    sums.fill(columns === 0 ? Number.NaN : 0);
    for (let c = 0; c < columns; c++) {
      const [sorted, by] = radixSort((keysOf[c] as Uint32Array).subarray(row, row + n), space);
      let present = n;
      while (present > 0 && sorted[present - 1] === 0xffffffff) present--;
      const higher = directions[c] === "higher";
      const ranks = columnBlocks[c] ?? null;
      for (let i = 0; i < present; ) {
        let j = i + 1;
        while (j < present && sorted[j] === sorted[i]) j++;
        // Competition ranks: one plus the number of values strictly better.
        const rank = higher ? 1 + present - j : 1 + i;
        for (let t = i; t < j; t++) {
          const e = by[t] as number;
          sums[e] = (sums[e] as number) + rank;
          if (ranks !== null) ranks[row + e] = rank;
        }
        i = j;
      }
      for (let t = present; t < n; t++) {
        const e = by[t] as number;
        sums[e] = Number.NaN;
        if (ranks !== null) ranks[row + e] = 0;
      }
    }
    // Rank sums are whole numbers from `columns` to `columns × n`: the overall rank is one plus the count below,
    // counted over the span of this resample's sums only (counts[s + 1 − lowest] holds the sums equal to s).
    let lowest = Infinity;
    let highest = -Infinity;
    for (let e = 0; e < n; e++) {
      const sum = sums[e] as number;
      if (sum < lowest) lowest = sum;
      if (sum > highest) highest = sum;
    }
    if (highest < lowest) {
      sumsBlock.fill(0, row, row + n);
      overallBlock?.fill(0, row, row + n);
      continue;
    }
    const span = highest - lowest + 2;
    sumCounts.fill(0, 0, span);
    for (let e = 0; e < n; e++) {
      const sum = sums[e] as number;
      if (!Number.isNaN(sum)) (sumCounts[sum + 1 - lowest] as number)++;
    }
    for (let s = 1; s < span; s++) (sumCounts[s] as number) += sumCounts[s - 1] as number;
    for (let e = 0; e < n; e++) {
      const sum = sums[e] as number;
      // A rank sum is at least 1 (one column ranked at least 1): 0 is free to mean "no place".
      if (Number.isNaN(sum)) {
        sumsBlock[row + e] = 0;
        if (overallBlock !== null) overallBlock[row + e] = 0;
        continue;
      }
      sumsBlock[row + e] = sum;
      if (overallBlock !== null) overallBlock[row + e] = 1 + (sumCounts[sum - lowest] as number);
    }
  }
  transposeInto(sumsBlock, resamples, n, (e) => rankSums[e] as Float64Array);
  if (intervals !== null) {
    const { confidence, of } = intervals;
    if (overallBlock !== null) blockIntervals(overallBlock, n, resamples, confidence, (e, span) => ((of[e] as EntryIntervals).overall = span));
    columnBlocks.forEach((ranks, c) => {
      if (ranks !== null) blockIntervals(ranks, n, resamples, confidence, (e, span) => ((of[e] as EntryIntervals).columns[c] = span));
    });
    return;
  }
  if (overallBlock !== null) transposeInto(overallBlock, resamples, n, (e) => places[e]?.overall ?? null);
  columnBlocks.forEach((ranks, c) => {
    if (ranks !== null) transposeInto(ranks, resamples, n, (e) => (places[e]?.columns[c] as Float64Array | undefined) ?? null);
  });
}

/** Every resample's places for values of any precision: per resample and column one sort, then a search per entry. */
function placesBySearch({ n, resamples, directions, drawsOf, rankSums, places }: BoardWork): void {
  const columns = directions.length;
  // NaN wherever no place is written below.
  for (const sums of rankSums) sums.fill(Number.NaN);
  for (const place of places) {
    place?.overall.fill(Number.NaN);
    place?.columns.forEach((ranks) => ranks.fill(Number.NaN));
  }
  const at = new Float64Array(n);
  const sorted = new Float64Array(n);
  const sums = new Float64Array(n);
  for (let b = 0; b < resamples; b++) {
    sums.fill(columns === 0 ? Number.NaN : 0);
    for (let c = 0; c < columns; c++) {
      const column = drawsOf[c] as readonly (Float64Array | Float32Array | null)[];
      let count = 0;
      for (let e = 0; e < n; e++) {
        const x = column[e]?.[b] ?? Number.NaN;
        at[e] = x;
        if (!Number.isNaN(x)) sorted[count++] = x;
      }
      sorted.subarray(0, count).sort();
      const higher = directions[c] === "higher";
      for (let e = 0; e < n; e++) {
        const x = at[e] as number;
        if (Number.isNaN(x)) {
          sums[e] = Number.NaN;
          continue;
        }
        const rank = 1 + (higher ? countAbove(sorted, count, x) : countBelow(sorted, count, x));
        sums[e] = (sums[e] as number) + rank;
        const place = places[e];
        if (place) (place.columns[c] as Float64Array)[b] = rank;
      }
    }
    let count = 0;
    for (let e = 0; e < n; e++) if (!Number.isNaN(sums[e] as number)) sorted[count++] = sums[e] as number;
    sorted.subarray(0, count).sort();
    for (let e = 0; e < n; e++) {
      const sum = sums[e] as number;
      if (Number.isNaN(sum)) continue;
      (rankSums[e] as Float64Array)[b] = sum;
      const place = places[e];
      if (place !== null && place !== undefined) place.overall[b] = 1 + countBelow(sorted, count, sum);
    }
  }
}


/**
 * Whether each row is separable from the next in display order (null where there is no ranked next row): the
 * paired bootstrap p-value of every adjacent pair of ranked rows, Holm-adjusted over all those pairs, below
 * 1 − confidence. A pair that no resample ranks both of counts in the family as p = 1.
 */
export function adjacentSeparability(point: ReadonlyArray<RankedRow>, rankSumsOf: (id: string) => Float64Array, confidence: number): (boolean | null)[] {
  const pairs: number[] = [];
  const pValues: (number | null)[] = [];
  point.forEach((row, position) => {
    const next = point[position + 1];
    if (row.rank === null || next === undefined || next.rank === null) return;
    // The next entry's rank sum minus this one's, paired over the resamples.
    const gap = pairedDifference({ value: next.rankSum as number, draws: rankSumsOf(next.id) }, { value: row.rankSum as number, draws: rankSumsOf(row.id) }, confidence);
    pairs.push(position);
    pValues.push(gap?.p ?? null);
  });
  const adjusted = holmAdjusted(pValues);
  const separable: (boolean | null)[] = point.map(() => null);
  pairs.forEach((position, k) => {
    separable[position] = (adjusted[k] as number) < 1 - confidence;
  });
  return separable;
}

/** A ranked row completed with its intervals (those of its ranks), its rank sums and its separability from the next row. */
function withUncertainty(row: RankedRow, intervals: EntryIntervals, rankSums: Float64Array, separableFromNext: boolean | null): RankedEntry {
  const interval = row.rank === null ? null : intervals.overall;
  return {
    ...row,
    rank: row.rank,
    rankBest: interval?.best ?? null,
    rankWorst: interval?.worst ?? null,
    separableFromNext,
    rankSumDraws: row.rank === null ? null : rankSums,
    columns: row.columnRanks.map((rank, c) => {
      const ci = rank === null ? null : (intervals.columns[c] ?? null);
      return { rank, rankBest: ci?.best ?? null, rankWorst: ci?.worst ?? null };
    }),
  };
}

function plainRank(rank: number | null): RankWithInterval {
  return { rank, rankBest: null, rankWorst: null };
}

/**
 * One entry's complete place on a board: exactly its row of `rankWithUncertainty` over the same entries, at
 * the cost of one pass over the board's resamples (a dry run places a new entry without re-ranking the rest;
 * its separability still takes every adjacent pair's test into the correction, as the whole ranking does).
 */
export function rankOneWithUncertainty(entries: ReadonlyArray<RankableEntry>, id: string, directions: ReadonlyArray<Direction>, confidence: number): RankedEntry {
  const point = rankBoard(entries, directions);
  const position = point.findIndex((row) => row.id === id);
  const row = point[position];
  if (row === undefined) throw new RangeError(`no entry "${id}" on the board`);
  const index = new Map(entries.map((entry, e) => [entry.id, e]));
  const wanted = index.get(id);
  const resampled = resampledPlaces(entries, directions, (e) => e === wanted);
  if (resampled === null) return { ...row, ...plainRank(row.rank), separableFromNext: null, columns: row.columnRanks.map(plainRank), rankSumDraws: null };
  const separable = adjacentSeparability(point, (of) => resampled.rankSums[index.get(of) as number] as Float64Array, confidence);
  const mine = resampled.places[wanted as number] as ResampledPlaces;
  return withUncertainty(row, placesIntervals(mine, confidence, new Uint32Array(entries.length + 2)), mine.rankSums, separable[position] ?? null);
}

/** Ranks a board and, when resampled values are given, every rank's interval and the separability of neighbours. */
export function rankWithUncertainty(
  entries: ReadonlyArray<RankableEntry>,
  directions: ReadonlyArray<Direction>,
  confidence: number,
): RankedEntry[] {
  const point = rankBoard(entries, directions);
  const resampled = entries.length === 0 ? null : resampledIntervals(entries, directions, confidence);
  if (resampled === null) {
    return point.map((row) => ({ ...row, ...plainRank(row.rank), separableFromNext: null, columns: row.columnRanks.map(plainRank), rankSumDraws: null }));
  }
  const index = new Map(entries.map((entry, e) => [entry.id, e]));
  const separable = adjacentSeparability(point, (id) => resampled.rankSums[index.get(id) as number] as Float64Array, confidence);
  return point.map((row, position) => {
    const e = index.get(row.id) as number;
    return withUncertainty(row, resampled.intervals[e] as EntryIntervals, resampled.rankSums[e] as Float64Array, separable[position] ?? null);
  });
}
