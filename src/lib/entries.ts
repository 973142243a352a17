/** Loads one T2V model or V2T method with every figure it has, its ranks and provenance. */
import { boardsOf, type BoardId } from "../schemas/board.ts";
import { loadAnchorFits } from "./anchors.ts";
import { loadAnchorDiagnostics, type AnchorDiagnosticsView } from "./anchor-diagnostics.ts";
import { getBenchmark, listDimensions, type BenchmarkInfo, type BoardColumnInfo, type DimensionInfo } from "./benchmarks.ts";
import { boardSummary, type ApartRow, type BoardRow } from "./boards.ts";
import { loadCalibration, type EvaluatorCalibration } from "./calibrations.ts";
import type { ChartBar } from "./charts/bars.ts";
import { loadEntryBoardRows, type EntryBoardRows } from "./entry-boards.ts";
import { entriesByDirection, type EntryInfo } from "./entry-rows.ts";

export type { EntryInfo } from "./entry-rows.ts";

/** One board as seen from one entry: the board's columns, the entry's row and how many entries are ranked there. */
export interface EntryBoard {
  readonly board: BoardId;
  readonly columns: readonly BoardColumnInfo[];
  readonly row: BoardRow | undefined;
  readonly rankedCount: number;
  /** Overall scope of a board that ranks somebody: each ranked column's bars, best first (the entry's chart draws a window of them); empty elsewhere. */
  readonly bars: ReadonlyMap<string, readonly ChartBar[]>;
}

/** An entry's whole page: metadata, boards overall, and per-dimension rows where they exist. */
export interface EntryPage {
  readonly benchmark: BenchmarkInfo;
  readonly entry: EntryInfo;
  readonly boards: readonly EntryBoard[];
  readonly dimensions: readonly { dimension: DimensionInfo; boards: readonly EntryBoard[] }[];
  /** For an auto-scored T2V entry: its evaluator's agreement with humans (the instance-level V2T board). */
  readonly evaluator: EntryBoard | null;
  /** For a V2T method, and for an auto-scored entry's evaluator: how its calibrated scores land against the humans'. */
  readonly calibration: readonly EvaluatorCalibration[];
  /** For an auto-scored entry kept apart from the board: its evaluator's raw means and why it is unranked. */
  readonly apart: ApartRow | undefined;
  /** For a human-rated submission: how its raters were put on the benchmark's scale through the anchors. */
  readonly anchorFits: ReturnType<typeof loadAnchorFits>;
  /** For a human-rated submission: the checks of its anchoring and what they flag (null for other entries). */
  readonly anchorDiagnostics: AnchorDiagnosticsView | null;
}

/** Every entry id of a direction on a benchmark, for static paths. */
export function listEntryIds(benchmarkId: string, direction: "t2v" | "v2t"): string[] {
  return [...entriesByDirection(benchmarkId, direction).keys()];
}

function loadEntryInfo(benchmarkId: string, direction: "t2v" | "v2t", entryId: string): EntryInfo {
  const entry = entriesByDirection(benchmarkId, direction).get(entryId);
  if (!entry) throw new Error(`unknown ${direction === "t2v" ? "T2V" : "V2T"} entry "${entryId}" on ${benchmarkId}`);
  return entry;
}

function entryBoard(benchmarkId: string, rows: EntryBoardRows, board: BoardId, dimension: string): EntryBoard {
  const summary = boardSummary(benchmarkId, board, dimension);
  return { board, columns: summary.columns, row: rows.row(board, dimension), rankedCount: summary.rankedCount, bars: summary.bars };
}

/** An auto-scored entry's evaluator on the instance-level V2T board (no row when the store lacks that evaluator). */
function evaluatorBoard(benchmarkId: string, evaluatorId: string): EntryBoard {
  const known = entriesByDirection(benchmarkId, "v2t").has(evaluatorId);
  const rows: EntryBoardRows = known ? loadEntryBoardRows(benchmarkId, "v2t", evaluatorId) : { row: () => undefined, apart: () => undefined };
  return entryBoard(benchmarkId, rows, "v2t-instance", "overall");
}

/** Everything an entry page shows. */
export function loadEntryPage(benchmarkId: string, direction: "t2v" | "v2t", entryId: string): EntryPage {
  const boards = boardsOf(direction);
  const entry = loadEntryInfo(benchmarkId, direction, entryId);
  const rows = loadEntryBoardRows(benchmarkId, direction, entryId);
  return {
    benchmark: getBenchmark(benchmarkId),
    entry,
    evaluator: entry.evaluatorId === null ? null : evaluatorBoard(benchmarkId, entry.evaluatorId),
    calibration: direction === "v2t" ? loadCalibration(benchmarkId, entryId) : entry.evaluatorId === null ? [] : loadCalibration(benchmarkId, entry.evaluatorId),
    anchorFits: direction === "t2v" ? loadAnchorFits(benchmarkId, entryId) : [],
    anchorDiagnostics: direction === "t2v" ? loadAnchorDiagnostics(benchmarkId, entryId) : null,
    apart: direction === "t2v" && entry.source === "auto" ? rows.apart("t2v", "overall") : undefined,
    boards: boards.map((board) => entryBoard(benchmarkId, rows, board, "overall")),
    dimensions: listDimensions(benchmarkId)
      .map((dimension) => ({
        dimension,
        boards: boards
          .map((board) => entryBoard(benchmarkId, rows, board, dimension.id))
          .filter((b) => b.row !== undefined && Object.keys(b.row.cells).length > 0),
      }))
      .filter((d) => d.boards.length > 0),
  };
}
