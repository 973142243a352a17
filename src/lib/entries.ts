/** Loads one T2V model or V2T method with every figure it has, its ranks and provenance. */
import type { BoardId } from "../schemas/board.ts";
import { loadAnchorFits } from "./anchors.ts";
import { loadAnchorDiagnostics, type AnchorDiagnosticsView } from "./anchor-diagnostics.ts";
import { getBenchmark, listDimensions, type BenchmarkInfo, type DimensionInfo } from "./benchmarks.ts";
import { boardRow, loadBoard, rankedCount, type ApartRow, type BoardRow, type BoardView } from "./boards.ts";
import { loadCalibration, type EvaluatorCalibration } from "./calibrations.ts";
import { entriesByDirection, type EntryInfo } from "./entry-rows.ts";

export type { EntryInfo } from "./entry-rows.ts";

/** One board as seen from one entry: its row and how many entries are ranked there. */
export interface EntryBoard {
  readonly board: BoardId;
  readonly view: BoardView;
  readonly row: BoardRow | undefined;
  readonly rankedCount: number;
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

/** The boards an entry of a direction appears on. */
export function boardsOf(direction: "t2v" | "v2t"): BoardId[] {
  return direction === "t2v" ? ["t2v"] : ["v2t-instance", "v2t-model"];
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

function entryBoard(benchmarkId: string, board: BoardId, dimension: string, entryId: string): EntryBoard {
  const view = loadBoard(benchmarkId, board, dimension);
  return {
    board,
    view,
    row: boardRow(view, entryId),
    rankedCount: rankedCount(view),
  };
}

/** Everything an entry page shows. */
export function loadEntryPage(benchmarkId: string, direction: "t2v" | "v2t", entryId: string): EntryPage {
  const boards = boardsOf(direction);
  const entry = loadEntryInfo(benchmarkId, direction, entryId);
  return {
    benchmark: getBenchmark(benchmarkId),
    entry,
    evaluator: entry.evaluatorId === null ? null : entryBoard(benchmarkId, "v2t-instance", "overall", entry.evaluatorId),
    calibration: direction === "v2t" ? loadCalibration(benchmarkId, entryId) : entry.evaluatorId === null ? [] : loadCalibration(benchmarkId, entry.evaluatorId),
    anchorFits: direction === "t2v" ? loadAnchorFits(benchmarkId, entryId) : [],
    anchorDiagnostics: direction === "t2v" ? loadAnchorDiagnostics(benchmarkId, entryId) : null,
    apart: direction === "t2v" && entry.source === "auto" ? loadBoard(benchmarkId, "t2v").apart.find((row) => row.entryId === entryId) : undefined,
    boards: boards.map((board) => entryBoard(benchmarkId, board, "overall", entryId)),
    dimensions: listDimensions(benchmarkId)
      .map((dimension) => ({
        dimension,
        boards: boards
          .map((board) => entryBoard(benchmarkId, board, dimension.id, entryId))
          .filter((b) => b.row !== undefined && Object.keys(b.row.cells).length > 0),
      }))
      .filter((d) => d.boards.length > 0),
  };
}
