/**
 * A board's ranking with its uncertainty, in one pass, from every entry's point values and its values on
 * the board's shared resamples (see bootstrap.ts):
 * - column ranks and the overall rank by the ranking rules (`rankBoard`);
 * - column and overall rank intervals: the percentile interval of the entry's rank over the resamples,
 *   the whole board re-ranked on each (lower end rounded down, upper end rounded up: ranks are whole);
 * - separability: two entries adjacent in display order are separable when the percentile interval of
 *   the paired difference of their rank sums excludes 0 (`pairedDifference`).
 * Boards without resampled values (published figures) get ranks and no intervals.
 */
import { percentileInterval } from "./bootstrap.ts";
import { pairedDifference } from "./paired-difference.ts";
import { rankBoard, type Direction, type RankedRow } from "./ranking.ts";

/** One entry of a board: its value and resampled values per ranked column. */
export interface RankableEntry {
  readonly id: string;
  readonly name: string;
  /** Point value per ranked column (null where the entry has none). */
  readonly values: ReadonlyArray<number | null>;
  /** Values on the board's resamples per ranked column (NaN where undefined); null without resamples. */
  readonly draws: ReadonlyArray<Float64Array | null>;
}

/** A rank with its interval (null ends without resamples). */
export interface RankWithInterval {
  readonly rank: number | null;
  readonly rankBest: number | null;
  readonly rankWorst: number | null;
}

/** An entry's complete place on a board. */
export interface RankedEntry extends RankedRow, RankWithInterval {
  /** Whether the entry is told apart from the next one in display order; null for the last ranked entry, unranked entries, and without resamples. */
  readonly separableFromNext: boolean | null;
  readonly columns: readonly RankWithInterval[];
}

function rankInterval(draws: Float64Array, confidence: number): { best: number; worst: number } | null {
  const interval = percentileInterval(draws, confidence);
  return interval === null ? null : { best: Math.floor(interval.low), worst: Math.ceil(interval.high) };
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

/**
 * The whole board re-ranked on each resample, by the ranking rules: every entry's places, in the order of
 * `entries`; null when some value has no resamples (published figures).
 */
export function resampledPlaces(entries: ReadonlyArray<RankableEntry>, directions: ReadonlyArray<Direction>): ResampledPlaces[] | null {
  const resamples = resampleCount(entries);
  if (resamples === null) return null;
  const index = new Map(entries.map((entry, e) => [entry.id, e]));
  const places = entries.map(() => ({
    overall: new Float64Array(resamples).fill(Number.NaN),
    rankSums: new Float64Array(resamples).fill(Number.NaN),
    columns: directions.map(() => new Float64Array(resamples).fill(Number.NaN)),
  }));
  const valueAt = (entry: RankableEntry, c: number, b: number): number | null => {
    if (entry.values[c] === null) return null;
    const value = (entry.draws[c] as Float64Array)[b] as number;
    return Number.isNaN(value) ? null : value;
  };
  // Entries with no value in any column take no place and move nobody's; they are left out of every resample.
  const placed = entries.filter((entry) => entry.values.some((value) => value !== null));
  for (let b = 0; b < resamples; b++) {
    const rows = placed.map((entry) => ({ id: entry.id, name: entry.name, values: directions.map((_, c) => valueAt(entry, c, b)) }));
    for (const row of rankBoard(rows, directions)) {
      const place = places[index.get(row.id) as number] as (typeof places)[number];
      if (row.rank !== null) place.overall[b] = row.rank;
      if (row.rankSum !== null) place.rankSums[b] = row.rankSum;
      row.columnRanks.forEach((rank, c) => {
        if (rank !== null) (place.columns[c] as Float64Array)[b] = rank;
      });
    }
  }
  return places;
}

/** Ranks a board and, when resampled values are given, every rank's interval and the separability of neighbours. */
export function rankWithUncertainty(
  entries: ReadonlyArray<RankableEntry>,
  directions: ReadonlyArray<Direction>,
  confidence: number,
): RankedEntry[] {
  const point = rankBoard(entries, directions);
  const places = entries.length === 0 ? null : resampledPlaces(entries, directions);
  const plain = (rank: number | null): RankWithInterval => ({ rank, rankBest: null, rankWorst: null });
  if (places === null) {
    return point.map((row) => ({ ...row, ...plain(row.rank), separableFromNext: null, columns: row.columnRanks.map(plain) }));
  }

  const index = new Map(entries.map((entry, e) => [entry.id, e]));
  const placeOf = (id: string) => places[index.get(id) as number] as ResampledPlaces;
  return point.map((row, position) => {
    const mine = placeOf(row.id);
    const interval = row.rank === null ? null : rankInterval(mine.overall, confidence);
    const next = point[position + 1];
    let separableFromNext: boolean | null = null;
    if (row.rank !== null && next !== undefined && next.rank !== null) {
      // The next entry's rank sum minus this one's, paired over the resamples.
      const gap = pairedDifference(
        { value: next.rankSum as number, draws: placeOf(next.id).rankSums },
        { value: row.rankSum as number, draws: mine.rankSums },
        confidence,
      );
      separableFromNext = gap?.separable ?? false;
    }
    return {
      ...row,
      rank: row.rank,
      rankBest: interval?.best ?? null,
      rankWorst: interval?.worst ?? null,
      separableFromNext,
      columns: row.columnRanks.map((rank, c) => {
        const ci = rank === null ? null : rankInterval(mine.columns[c] as Float64Array, confidence);
        return { rank, rankBest: ci?.best ?? null, rankWorst: ci?.worst ?? null };
      }),
    };
  });
}
