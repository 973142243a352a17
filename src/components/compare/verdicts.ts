/**
 * The one builder of the compare view's verdicts: for two entries' figures on the same board and scope, the paired
 * bootstrap difference (the engine's `pairedDifference`, on the stored resamples fetched with each entry) at display
 * precision, and which entry it puts ahead. Per ranked column in every scope, and on the rank sum in the overall
 * scope (the only scope whose resampled rank sums the ranking step keeps).
 */
import { pairedDifference, type ResampledFigure } from "../../engine/index.ts";
import { RANK_SUM_FIGURE, type CompareBoardInfo, type CompareEntryBoard, type ComparePair, type CompareVerdict } from "../../lib/shared/compare.ts";

/** An entry's board as fetched: its file's part and the values of each of its resamples parts (null until fetched). */
export interface FetchedBoard {
  readonly board: CompareEntryBoard;
  /** In the order of `board.resamples.parts`. */
  readonly values: readonly (Float32Array | null)[];
}

/** A figure of a fetched board on its resamples, or null where the entry has none there (or they are not fetched yet). */
export function resampledFigure(fetched: FetchedBoard | null | undefined, scope: string, key: string): ResampledFigure | null {
  const layout = fetched?.board.resamples;
  if (!fetched || !layout) return null;
  for (const [p, part] of layout.parts.entries()) {
    const at = part.figures.findIndex((figure) => figure.scope === scope && figure.key === key);
    const values = fetched.values[p];
    if (at < 0) continue;
    if (!values) return null;
    return { value: (part.figures[at] as { value: number }).value, draws: values.subarray(at * layout.count, (at + 1) * layout.count) };
  }
  return null;
}

/** The verdict on a − b at `digits` decimals, or null when no resample holds both. */
export function compareVerdict(a: ResampledFigure, b: ResampledFigure, confidence: number, higherIsBetter: boolean, digits: number): CompareVerdict | null {
  const found = pairedDifference(a, b, confidence);
  if (found === null) return null;
  // + 0 turns a -0 (a small negative rounded away) into 0, which reads and serialises as the zero it shows.
  const round = (value: number) => Number(value.toFixed(digits)) + 0;
  const aAhead = higherIsBetter ? found.difference > 0 : found.difference < 0;
  return [round(found.difference), round(found.low), round(found.high), found.separable ? (aAhead ? "a" : "b") : null];
}

/**
 * Every pair's verdicts on one board in one scope, for the compared entries' fetched boards in order (a < b): per
 * ranked column, and on the rank sum (lower is better, shown whole) in the overall scope; a pair with none is left out.
 */
export function pairVerdicts(info: CompareBoardInfo, scope: string, fetched: readonly (FetchedBoard | null)[], confidence: number): ComparePair[] {
  if (info.pairsNote !== null) return [];
  const pairs: ComparePair[] = [];
  fetched.forEach((first, a) => {
    fetched.forEach((second, b) => {
      if (b <= a) return;
      const columns = info.columns.map((column) => {
        if (!column.ranked) return null;
        const x = resampledFigure(first, scope, column.key);
        const y = resampledFigure(second, scope, column.key);
        return x && y ? compareVerdict(x, y, confidence, column.higherIsBetter, column.digits) : null;
      });
      const x = scope === "overall" ? resampledFigure(first, scope, RANK_SUM_FIGURE) : null;
      const y = scope === "overall" ? resampledFigure(second, scope, RANK_SUM_FIGURE) : null;
      const rankSum = x && y ? compareVerdict(x, y, confidence, false, 0) : null;
      if (rankSum !== null || columns.some((c) => c !== null)) pairs.push({ a, b, rankSum, columns });
    });
  });
  return pairs;
}
