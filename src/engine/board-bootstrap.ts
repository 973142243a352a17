/**
 * Uncertainty of a whole board's ranking. Every entry × column statistic is evaluated on the same
 * resamples, the board is re-ranked on each (rank sums and all, by `rankBoard`), and so:
 * - the overall rank interval is the percentile interval of the entry's overall rank over resamples
 *   (lower end rounded down, upper end rounded up, since ranks are whole numbers);
 * - two entries adjacent in display order are separable when the percentile interval of the paired
 *   difference of their rank sums excludes 0.
 * Column-level rank intervals come from the columns' confidence intervals (`rankIntervals`).
 */
import { percentileInterval, resampleStatistics, type BootstrapOptions, type BootstrapSettings, type ResamplingUnits, type WeightedStatistic } from "./bootstrap.ts";
import { rankBoard, type Direction } from "./ranking.ts";

/** One board entry: a statistic per column (null where it has no value in that column). */
export interface BoardEntryStatistics {
  readonly id: string;
  readonly name: string;
  readonly columns: ReadonlyArray<WeightedStatistic | null>;
}

/** An entry's overall rank interval and whether it is told apart from the next entry in display order. */
export interface BoardEntryUncertainty {
  readonly id: string;
  readonly rankBest: number | null;
  readonly rankWorst: number | null;
  /** Null for the last ranked entry and for unranked entries. */
  readonly separableFromNext: boolean | null;
}

const never: WeightedStatistic = () => null;

/** Bootstraps a board jointly; entries come back in the display order of the point estimates. */
export function bootstrapBoard(
  entries: ReadonlyArray<BoardEntryStatistics>,
  directions: ReadonlyArray<Direction>,
  units: ResamplingUnits,
  options: BootstrapOptions = {},
): { entries: BoardEntryUncertainty[]; settings: BootstrapSettings } {
  const columnCount = directions.length;
  const statistics = entries.flatMap((entry) => {
    if (entry.columns.length !== columnCount) {
      throw new RangeError(`entry "${entry.id}" has ${entry.columns.length} statistics for ${columnCount} columns`);
    }
    return entry.columns.map((statistic) => statistic ?? never);
  });
  const { estimates, draws, settings } = resampleStatistics(statistics, units, options);
  const valuesAt = (pick: (s: number) => number | null) =>
    entries.map((entry, e) => ({
      id: entry.id,
      name: entry.name,
      values: directions.map((_, c) => pick(e * columnCount + c)),
    }));
  const point = rankBoard(valuesAt((s) => estimates[s] ?? null), directions);

  const rankDraws = entries.map(() => new Float64Array(settings.resamples).fill(Number.NaN));
  const sumDraws = entries.map(() => new Float64Array(settings.resamples).fill(Number.NaN));
  const indexOf = new Map(entries.map((entry, e) => [entry.id, e]));
  for (let b = 0; b < settings.resamples; b++) {
    const board = rankBoard(
      valuesAt((s) => {
        const value = (draws[s] as Float64Array)[b] as number;
        return Number.isNaN(value) ? null : value;
      }),
      directions,
    );
    for (const row of board) {
      const e = indexOf.get(row.id) as number;
      if (row.rank !== null) (rankDraws[e] as Float64Array)[b] = row.rank;
      if (row.rankSum !== null) (sumDraws[e] as Float64Array)[b] = row.rankSum;
    }
  }

  const result = point.map((row, position) => {
    const e = indexOf.get(row.id) as number;
    const interval = row.rank === null ? null : percentileInterval(rankDraws[e] as Float64Array, settings.confidence);
    const next = point[position + 1];
    let separableFromNext: boolean | null = null;
    if (row.rank !== null && next !== undefined && next.rank !== null) {
      const mine = sumDraws[e] as Float64Array;
      const theirs = sumDraws[indexOf.get(next.id) as number] as Float64Array;
      const difference = mine.map((value, b) => (theirs[b] as number) - value);
      const gap = percentileInterval(difference, settings.confidence);
      separableFromNext = gap !== null && (gap.low > 0 || gap.high < 0);
    }
    return {
      id: row.id,
      rankBest: interval === null ? null : Math.floor(interval.low),
      rankWorst: interval === null ? null : Math.ceil(interval.high),
      separableFromNext,
    };
  });
  return { entries: result, settings };
}
