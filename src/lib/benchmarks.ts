/** Loaders for benchmark definitions: perspectives, dimensions and the columns of each board. */
import { and, asc, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { DatasetSourceSchema, type DatasetSource } from "../schemas/benchmark.ts";
import type { BoardId } from "../schemas/board.ts";
import { store } from "./store.ts";

/** A benchmark row as stored. */
export type BenchmarkInfo = typeof t.benchmarks.$inferSelect;
/** A perspective row as stored. */
export type PerspectiveInfo = typeof t.perspectives.$inferSelect;
/** A dimension row as stored. */
export type DimensionInfo = typeof t.dimensions.$inferSelect;
/** A ranked column of a board as stored. */
export type BoardColumnInfo = typeof t.boardColumns.$inferSelect;

/** Every benchmark in site order. */
export function listBenchmarks(): BenchmarkInfo[] {
  return store().select().from(t.benchmarks).orderBy(asc(t.benchmarks.position)).all();
}

/** Benchmarks by id, read once per build: every entry page names its benchmark, and the store is read-only while the site is built. */
let byId: ReadonlyMap<string, BenchmarkInfo> | undefined;

/** One benchmark, or an error naming the id when it is unknown. */
export function getBenchmark(id: string): BenchmarkInfo {
  byId ??= new Map(listBenchmarks().map((b) => [b.id, b]));
  const found = byId.get(id);
  if (!found) throw new Error(`unknown benchmark "${id}"`);
  return found;
}

/** The flagship benchmark shown at /t2v/ and /v2t/: the first in site order. */
export function defaultBenchmark(): BenchmarkInfo {
  const [first] = listBenchmarks();
  if (!first) throw new Error("the store holds no benchmark; run `npm run rebuild`");
  return first;
}

/** A benchmark's perspectives in display order. */
export function listPerspectives(benchmarkId: string): PerspectiveInfo[] {
  return store()
    .select()
    .from(t.perspectives)
    .where(eq(t.perspectives.benchmarkId, benchmarkId))
    .orderBy(asc(t.perspectives.position))
    .all();
}

/** Dimensions by benchmark, read once per build: every entry page lists its benchmark's dimensions. */
const dimensionsOf = new Map<string, readonly DimensionInfo[]>();

/** A benchmark's dimensions in display order (read once per build). */
export function listDimensions(benchmarkId: string): readonly DimensionInfo[] {
  let dimensions = dimensionsOf.get(benchmarkId);
  if (!dimensions) {
    dimensions = store()
      .select()
      .from(t.dimensions)
      .where(eq(t.dimensions.benchmarkId, benchmarkId))
      .orderBy(asc(t.dimensions.position))
      .all();
    dimensionsOf.set(benchmarkId, dimensions);
  }
  return dimensions;
}

/** The ranked columns of one board in display order. */
export function listBoardColumns(benchmarkId: string, board: BoardId): BoardColumnInfo[] {
  return store()
    .select()
    .from(t.boardColumns)
    .where(eq(t.boardColumns.benchmarkId, benchmarkId))
    .orderBy(asc(t.boardColumns.position))
    .all()
    .filter((column) => column.board === board);
}

/** Where a benchmark's per-video annotation comes from, or null for published figures only. */
export function datasetSource(benchmark: BenchmarkInfo): DatasetSource | null {
  return benchmark.datasetJson ? DatasetSourceSchema.parse(JSON.parse(benchmark.datasetJson)) : null;
}

/** Whether the store holds a benchmark's labelled pool (its dataset was present at build time). */
export function hasLabelledPool(benchmarkId: string): boolean {
  return store().select({ id: t.videos.id }).from(t.videos).where(and(eq(t.videos.benchmarkId, benchmarkId), eq(t.videos.labelled, true))).limit(1).all().length > 0;
}
