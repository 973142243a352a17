/** Loads an entries × dimensions grid of one board column, with the colour scale the heatmap draws it on. */
import { and, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { isCorrelationMetric } from "../schemas/metrics.ts";
import { BOARD_SCOPE, type BoardId } from "../schemas/board.ts";
import { listBoardColumns, listDimensions, type BoardColumnInfo, type DimensionInfo } from "./benchmarks.ts";
import { loadBoard } from "./boards.ts";
import { niceAxis } from "./charts/axis.ts";
import { store } from "./store.ts";

/**
 * A heatmap's colour scale: diverging and centred on 0 for correlations (from −`high` to `high`), sequential for
 * every other metric (from `low` to `high`). Both ends are round numbers.
 */
export interface HeatScale {
  readonly kind: "diverging" | "sequential";
  readonly low: number;
  readonly high: number;
}

/** One heatmap row; reference rows (real videos) are shown but stay outside the colour scale. */
export interface HeatmapRow {
  readonly entryId: string;
  readonly name: string;
  readonly href: string;
  readonly isReference: boolean;
  readonly overall: number | null;
  readonly cells: readonly (number | null)[];
}

/** One heatmap: rows in overall board order, one cell per dimension (null where there is no value). */
export interface Heatmap {
  readonly column: BoardColumnInfo;
  readonly dimensions: readonly DimensionInfo[];
  readonly rows: readonly HeatmapRow[];
  readonly scale: HeatScale;
  /** Why the board ranks nobody (e.g. model-level correlations from 4 models), or null: an unranked heatmap is drawn without its colour scale. */
  readonly unrankedReason: string | null;
}

/** The colour scale of a metric's values: symmetric about 0 for correlations, else the values' round range. */
export function heatScale(metric: string, values: readonly number[]): HeatScale {
  if (isCorrelationMetric(metric)) {
    // The largest distance from 0, rounded up to a tenth: both sides of 0 get the same colour for the same size.
    // A fold, not Math.max(...values): a board's values across its dimensions run to hundreds of thousands.
    const reach = values.reduce((most, v) => Math.max(most, Math.abs(v)), 0.1);
    const end = Math.min(1, Math.ceil(reach * 10 - 1e-9) / 10);
    return { kind: "diverging", low: -end, high: end };
  }
  const [low, high] = niceAxis(values, { intervals: 4 }).domain;
  return { kind: "sequential", low, high };
}

/** Where a value sits on a scale: −1 … 1 on a diverging one (0 at zero), 0 … 1 on a sequential one; clamped. */
export function heatPosition(value: number, scale: HeatScale): number {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  if (scale.kind === "diverging") return clamp(value / scale.high, -1, 1);
  return scale.high > scale.low ? clamp((value - scale.low) / (scale.high - scale.low), 0, 1) : 0;
}

/** A heatmap per ranked column of a board; empty when the benchmark has no per-dimension results. */
export function loadHeatmaps(benchmarkId: string, board: BoardId): Heatmap[] {
  const dimensions = listDimensions(benchmarkId);
  if (dimensions.length === 0) return [];
  const { direction, level } = BOARD_SCOPE[board];
  const results = store()
    .select()
    .from(t.results)
    .where(and(eq(t.results.benchmarkId, benchmarkId), eq(t.results.direction, direction), eq(t.results.level, level)))
    .all();
  const overall = loadBoard(benchmarkId, board);
  return listBoardColumns(benchmarkId, board)
    .filter((column) => column.ranked)
    .flatMap((column) => {
      const valueOf = new Map(
        results
          .filter((r) => r.perspectiveId === column.perspectiveId && r.metric === column.metric)
          .map((r) => [`${r.entryId}\u0000${r.dimension}`, r.value]),
      );
      const value = (entryId: string, dimension: string) => valueOf.get(`${entryId}\u0000${dimension}`) ?? null;
      const rows = overall.rows.map((row) => ({
        entryId: row.entryId,
        name: row.name,
        href: row.href,
        isReference: row.isReference,
        overall: row.cells[column.key]?.value ?? null,
        cells: dimensions.map((d) => value(row.entryId, d.id)),
      }));
      // The scale spans the generated videos only: the real videos would stretch it and wash out the differences.
      const values = rows
        .filter((row) => !row.isReference)
        .flatMap((row) => [row.overall, ...row.cells])
        .filter((v): v is number => v !== null);
      if (values.length === 0) return [];
      return [{ column, dimensions, rows, scale: heatScale(column.metric, values), unrankedReason: overall.unrankedReason }];
    });
}
