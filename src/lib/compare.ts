/**
 * Everything the compare view shows for one direction of a benchmark, for every entry at once (the page picks
 * up to four in the browser): each board's values with intervals and ranks, overall and per dimension, and for
 * every pair of entries whether a paired bootstrap on the board's shared resamples tells them apart, per
 * ranked column and on the rank sum. The statistics come from the engine; this only gathers and labels.
 */
import { and, eq } from "drizzle-orm";
import { decodeDraws } from "../../db/draws.ts";
import * as t from "../../db/schema.ts";
import { pairedDifference, resampledPlaces, type Direction, type RankableEntry, type ResampledFigure } from "../engine/index.ts";
import type { BoardId } from "../schemas/board.ts";
import { metricDefinition } from "../schemas/metrics.ts";
import { getBenchmark, listDimensions } from "./benchmarks.ts";
import { loadBoard, type BoardRow, type BoardView } from "./boards.ts";
import { boardsOf } from "./entries.ts";
import { roundForDisplay } from "./format.ts";
import { accessLabel, boardLabel, kindLabel } from "./labels.ts";
import { store } from "./store.ts";
import { storeMeta } from "./store-meta.ts";

import type { CompareBoardScope, CompareCell, CompareEntry, ComparePair, ComparePlace, CompareScope, CompareVerdict, Comparison } from "./shared/compare.ts";

export type { CompareBoard, CompareBoardScope, CompareCell, CompareColumn, CompareEntry, ComparePair, ComparePlace, CompareScope, CompareVerdict, Comparison } from "./shared/compare.ts";

/** Why a board with published figures has no verdicts. */
export const NO_RESAMPLES_NOTE =
  "These figures are published by the benchmark's authors without per-video data, so no paired bootstrap can tell two entries apart: compare the values and ranks only.";

function drawsOf(benchmarkId: string, board: BoardId): Map<string, Float64Array> {
  const rows = store().select().from(t.draws).where(and(eq(t.draws.benchmarkId, benchmarkId), eq(t.draws.board, board))).all();
  return new Map(rows.map((row) => [`${row.dimension}\u0000${row.entryId}\u0000${row.columnKey}`, decodeDraws(row.values)]));
}

function place(view: BoardView, row: BoardRow): ComparePlace | null {
  const cells = view.columns.map((column): CompareCell | null => {
    const cell = row.cells[column.key];
    if (!cell) return null;
    const round = (value: number | null) => (value === null ? null : roundForDisplay(column.metric, value));
    return [roundForDisplay(column.metric, cell.value), round(cell.ciLow), round(cell.ciHigh), cell.rank, cell.rankBest, cell.rankWorst];
  });
  if (cells.every((cell) => cell === null)) return null;
  return { rank: row.rank, rankBest: row.rankBest, rankWorst: row.rankWorst, rankSum: row.rankSum, cells };
}

/** The verdict on a − b; `round` brings the difference and its interval to display precision. */
function verdict(a: ResampledFigure, b: ResampledFigure, confidence: number, higherIsBetter: boolean, round: (value: number) => number): CompareVerdict | null {
  const found = pairedDifference(a, b, confidence);
  if (found === null) return null;
  const aAhead = higherIsBetter ? found.difference > 0 : found.difference < 0;
  return [round(found.difference), round(found.low), round(found.high), found.separable ? (aAhead ? "a" : "b") : null];
}

/** Every pair's verdicts on one board in one scope. */
function pairsOf(view: BoardView, entries: readonly CompareEntry[], draws: Map<string, Float64Array>, confidence: number): ComparePair[] {
  const ranked = view.columns.filter((column) => column.ranked);
  const rowOf = new Map(view.rows.map((row) => [row.entryId, row]));
  const drawsFor = (entryId: string, key: string) => draws.get(`${view.dimension}\u0000${entryId}\u0000${key}`) ?? null;
  const figure = (entryId: string, key: string): ResampledFigure | null => {
    const value = rowOf.get(entryId)?.cells[key]?.value;
    const resampled = drawsFor(entryId, key);
    return value === undefined || resampled === null ? null : { value, draws: resampled };
  };
  // The rank sums on every resample come from re-ranking the whole board, as the ranking step does.
  const board = view.rows.filter((row) => !row.isReference);
  const rankable: RankableEntry[] = board.map((row) => ({
    id: row.entryId,
    name: row.name,
    values: ranked.map((column) => row.cells[column.key]?.value ?? null),
    draws: ranked.map((column) => drawsFor(row.entryId, column.key)),
  }));
  const directions: Direction[] = ranked.map((column) => (column.higherIsBetter ? "higher" : "lower"));
  const resampled = view.unrankedReason === null && rankable.length > 0 ? resampledPlaces(rankable, directions, () => false) : null;
  const rankSumOf = (entryId: string): ResampledFigure | null => {
    const index = board.findIndex((row) => row.entryId === entryId);
    const sum = board[index]?.rankSum;
    const sums = index < 0 ? undefined : resampled?.rankSums[index];
    return sum === null || sum === undefined || sums === undefined ? null : { value: sum, draws: sums };
  };

  const pairs: ComparePair[] = [];
  entries.forEach((first, a) => {
    entries.forEach((second, b) => {
      if (b <= a) return;
      const columns = view.columns.map((column) => {
        const x = column.ranked ? figure(first.id, column.key) : null;
        const y = column.ranked ? figure(second.id, column.key) : null;
        return x && y ? verdict(x, y, confidence, column.higherIsBetter, (value) => roundForDisplay(column.metric, value)) : null;
      });
      const x = rankSumOf(first.id);
      const y = rankSumOf(second.id);
      // Rank sums are whole numbers; their interval ends are shown whole too.
      const rankSum = x && y ? verdict(x, y, confidence, false, (value) => Number(value.toFixed(0))) : null;
      if (rankSum !== null || columns.some((c) => c !== null)) pairs.push({ a, b, rankSum, columns });
    });
  });
  return pairs;
}

/** The compare view's data for one direction of a benchmark: every entry, scope, board and pair. */
export function loadComparison(benchmarkId: string, direction: "t2v" | "v2t"): Comparison {
  const benchmark = getBenchmark(benchmarkId);
  const confidence = storeMeta().bootstrap?.confidence ?? null;
  const boards = boardsOf(direction);
  const overall = boards.map((board) => loadBoard(benchmarkId, board));
  const seen = new Map<string, CompareEntry>();
  for (const row of overall.flatMap((view) => view.rows)) {
    if (seen.has(row.entryId)) continue;
    const group = direction === "t2v" ? accessLabel(row.group) : kindLabel(row.group);
    seen.set(row.entryId, {
      id: row.entryId,
      name: row.name,
      href: row.href,
      group,
      isReference: row.isReference,
      provenance: row.entryProvenance?.kind ?? null,
      trainedOnBenchmark: row.training?.trainedOnBenchmark === "yes",
    });
  }
  const entries = [...seen.values()];
  const candidates: CompareScope[] = [
    { id: "overall", label: "Overall", group: null },
    ...listDimensions(benchmarkId).map((d) => ({ id: d.id, label: d.label, group: d.group })),
  ];
  const views = new Map(boards.map((board, b) => [board, new Map(candidates.map((scope) => [scope.id, scope.id === "overall" ? (overall[b] as BoardView) : loadBoard(benchmarkId, board, scope.id)]))]));
  const scopes = candidates.filter((scope) => boards.some((board) => (views.get(board)?.get(scope.id)?.rows.length ?? 0) > 0));

  return {
    benchmarkId,
    benchmarkTitle: benchmark.title,
    direction,
    confidence,
    entries,
    scopes,
    boards: boards.map((board, b) => {
      const view = overall[b] as BoardView;
      const draws = drawsOf(benchmarkId, board);
      // A board that ranks nobody keeps no resampled values (nothing reads them), though its figures were resampled.
      const resampled = confidence !== null && (draws.size > 0 || view.unrankedReason !== null);
      const compared = resampled && view.unrankedReason === null;
      const byScope: Record<string, CompareBoardScope> = {};
      for (const scope of scopes) {
        const scoped = views.get(board)?.get(scope.id) as BoardView;
        const rowOf = new Map(scoped.rows.map((row) => [row.entryId, row]));
        byScope[scope.id] = {
          places: entries.map((entry) => {
            const row = rowOf.get(entry.id);
            return row ? place(scoped, row) : null;
          }),
          pairs: compared && confidence !== null ? pairsOf(scoped, entries, draws, confidence) : [],
        };
      }
      return {
        board,
        label: boardLabel(board),
        columns: view.columns.map((column) => ({
          key: column.key,
          label: column.label,
          metric: column.metric,
          digits: metricDefinition(column.metric).digits,
          ranked: column.ranked && view.unrankedReason === null,
          higherIsBetter: column.higherIsBetter,
        })),
        unrankedReason: view.unrankedReason,
        resampled,
        pairsNote: !resampled ? NO_RESAMPLES_NOTE : view.unrankedReason !== null ? `No pairwise verdicts on this board: ${view.unrankedReason}` : null,
        scopes: byScope,
      };
    }),
  };
}
