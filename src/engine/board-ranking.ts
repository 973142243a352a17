/**
 * A board's ranking with its uncertainty, in one pass, from every entry's point values and its values on
 * the board's shared resamples (see bootstrap.ts):
 * - column ranks and the overall rank by the ranking rules (`rankBoard`);
 * - column and overall rank intervals: the percentile interval of the entry's rank over the resamples,
 *   the whole board re-ranked on each (lower end rounded down, upper end rounded up: ranks are whole);
 * - separability: two entries adjacent in display order are separable when the percentile interval of
 *   the paired difference of their rank sums excludes 0.
 * Boards without resampled values (published figures) get ranks and no intervals.
 */
import { percentileInterval } from "./bootstrap.ts";
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

/** Ranks a board and, when resampled values are given, every rank's interval and the separability of neighbours. */
export function rankWithUncertainty(
  entries: ReadonlyArray<RankableEntry>,
  directions: ReadonlyArray<Direction>,
  confidence: number,
): RankedEntry[] {
  const point = rankBoard(entries, directions);
  const resamples = resampleCount(entries);
  const plain = (rank: number | null): RankWithInterval => ({ rank, rankBest: null, rankWorst: null });
  if (resamples === null || entries.length === 0) {
    return point.map((row) => ({ ...row, ...plain(row.rank), separableFromNext: null, columns: row.columnRanks.map(plain) }));
  }

  const index = new Map(entries.map((entry, e) => [entry.id, e]));
  const overall = entries.map(() => new Float64Array(resamples).fill(Number.NaN));
  const sums = entries.map(() => new Float64Array(resamples).fill(Number.NaN));
  const columns = entries.map(() => directions.map(() => new Float64Array(resamples).fill(Number.NaN)));
  const valueAt = (entry: RankableEntry, c: number, b: number): number | null => {
    if (entry.values[c] === null) return null;
    const value = (entry.draws[c] as Float64Array)[b] as number;
    return Number.isNaN(value) ? null : value;
  };
  for (let b = 0; b < resamples; b++) {
    const rows = entries.map((entry) => ({ id: entry.id, name: entry.name, values: directions.map((_, c) => valueAt(entry, c, b)) }));
    for (const row of rankBoard(rows, directions)) {
      const e = index.get(row.id) as number;
      if (row.rank !== null) (overall[e] as Float64Array)[b] = row.rank;
      if (row.rankSum !== null) (sums[e] as Float64Array)[b] = row.rankSum;
      row.columnRanks.forEach((rank, c) => {
        if (rank !== null) ((columns[e] as Float64Array[])[c] as Float64Array)[b] = rank;
      });
    }
  }

  return point.map((row, position) => {
    const e = index.get(row.id) as number;
    const interval = row.rank === null ? null : rankInterval(overall[e] as Float64Array, confidence);
    const next = point[position + 1];
    let separableFromNext: boolean | null = null;
    if (row.rank !== null && next !== undefined && next.rank !== null) {
      const mine = sums[e] as Float64Array;
      const theirs = sums[index.get(next.id) as number] as Float64Array;
      const gap = percentileInterval(mine.map((value, b) => (theirs[b] as number) - value), confidence);
      separableFromNext = gap !== null && (gap.low > 0 || gap.high < 0);
    }
    return {
      ...row,
      rank: row.rank,
      rankBest: interval?.best ?? null,
      rankWorst: interval?.worst ?? null,
      separableFromNext,
      columns: row.columnRanks.map((rank, c) => {
        const ci = rank === null ? null : rankInterval((columns[e] as Float64Array[])[c] as Float64Array, confidence);
        return { rank, rankBest: ci?.best ?? null, rankWorst: ci?.worst ?? null };
      }),
    };
  });
}
