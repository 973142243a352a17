/** Loads an entries × dimensions grid of one board column, for the heatmap. */
import { and, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { BOARD_SCOPE, type BoardId } from "../schemas/board.ts";
import { listBoardColumns, listDimensions, type BoardColumnInfo, type DimensionInfo } from "./benchmarks.ts";
import { loadBoard } from "./boards.ts";
import { store } from "./store.ts";

/** One heatmap: rows in overall board order, one cell per dimension (null where there is no value). */
export interface Heatmap {
  readonly column: BoardColumnInfo;
  readonly dimensions: readonly DimensionInfo[];
  readonly rows: readonly { entryId: string; name: string; href: string; overall: number | null; cells: (number | null)[] }[];
  /** The smallest and largest value in the grid, for the colour scale. */
  readonly low: number;
  readonly high: number;
}

/** A heatmap per column of a board; empty when the benchmark has no per-dimension results. */
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
        overall: row.cells[column.key]?.value ?? null,
        cells: dimensions.map((d) => value(row.entryId, d.id)),
      }));
      const values = rows.flatMap((row) => row.cells).filter((v): v is number => v !== null);
      if (values.length === 0) return [];
      return [{ column, dimensions, rows, low: Math.min(...values), high: Math.max(...values) }];
    });
}
