/**
 * Ranks one direction's boards of a benchmark again, in place in a store file, with the project's one ranking step
 * (`rankBenchmark`), so that a bench store holding thousands of copied entries carries the ranks a real store would.
 * One scope at a time (a scoped read of the store: that scope's figures and resampled values only), because a whole
 * read of 10,000 FETV entries' resampled values would take 11 GB; each scope's ranking needs nothing of the others.
 */
import Database from "better-sqlite3";
import { getTableColumns } from "drizzle-orm/utils";
import * as schema from "../../../db/schema.ts";
import { BOARD_SCOPE, type BoardId } from "../../../src/schemas/board.ts";
import { scoringContext, storedSettings } from "../../scoring/context.ts";
import { rankBenchmark } from "../../scoring/rank-boards.ts";
import type { StoreContent } from "../../store/store-content.ts";
import { readStore } from "../../store/read-store.ts";

/** Rows written: rankings, column ranks, and any resampled values the ranking step keeps (a board's rank sums). */
export interface Reranked {
  readonly rankings: number;
  readonly columnRanks: number;
  readonly draws: number;
}

/** What the ranking step returns: rank rows, and resampled rows of its own where it keeps some. */
type RankRows = Pick<StoreContent, "rankings" | "columnRanks"> & { draws?: StoreContent["draws"] };

/** Inserts rows of a table given as drizzle gives them (keys and values as the schema maps them to columns). */
function insertRows(db: Database.Database, table: typeof schema.rankings | typeof schema.columnRanks | typeof schema.draws, name: string, rows: readonly object[]): void {
  const columns = Object.entries(getTableColumns(table));
  const insert = db.prepare(`INSERT INTO "${name}" (${columns.map(([, c]) => `"${c.name}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    insert.run(columns.map(([key, column]) => (record[key] === null || record[key] === undefined ? null : column.mapToDriverValue(record[key]))));
  }
}

/**
 * Replaces the rank rows (rankings and column ranks) of `direction`'s boards of `benchmarkId` in `store` with a fresh
 * ranking of every scope from the stored figures and resampled values, in one transaction; likewise the resampled
 * rows the ranking step writes itself (those under a key that is no board column: a board's rank sums), whole.
 */
export async function rerankInPlace(store: string, benchmarkId: string, direction: "t2v" | "v2t"): Promise<Reranked> {
  const boards = (Object.keys(BOARD_SCOPE) as BoardId[]).filter((b) => BOARD_SCOPE[b].direction === direction);
  const read = (dimension: string): StoreContent => readStore(store, { scope: { benchmarkId, boards, dimension } });
  const overall = read("overall");
  const settings = storedSettings(overall);
  const ranked: Required<RankRows> = { rankings: [], columnRanks: [], draws: [] };
  for (const dimension of scoringContext(overall, benchmarkId, settings).scopes) {
    // Scoped content holds this scope's figures only: rankBenchmark finds nothing to rank on the others and skips them.
    const { rankings, columnRanks, draws = [] }: RankRows = await rankBenchmark(scoringContext(dimension === "overall" ? overall : read(dimension), benchmarkId, settings), boards);
    ranked.rankings.push(...rankings.filter((r) => r.dimension === dimension));
    ranked.columnRanks.push(...columnRanks.filter((r) => r.dimension === dimension));
    ranked.draws.push(...draws.filter((r) => r.dimension === dimension));
  }
  const db = new Database(store, { fileMustExist: true });
  try {
    db.pragma("synchronous = OFF");
    db.transaction(() => {
      const where = `"benchmark_id" = ? AND "board" IN (${boards.map(() => "?").join(", ")})`;
      db.prepare(`DELETE FROM "rankings" WHERE ${where}`).run(benchmarkId, ...boards);
      db.prepare(`DELETE FROM "column_ranks" WHERE ${where}`).run(benchmarkId, ...boards);
      const ownKey = `"column_key" NOT IN (SELECT c."key" FROM "board_columns" c WHERE c."benchmark_id" = "draws"."benchmark_id" AND c."board" = "draws"."board")`;
      db.prepare(`DELETE FROM "draws" WHERE ${where} AND ${ownKey}`).run(benchmarkId, ...boards);
      insertRows(db, schema.rankings, "rankings", ranked.rankings);
      insertRows(db, schema.columnRanks, "column_ranks", ranked.columnRanks);
      insertRows(db, schema.draws, "draws", ranked.draws);
    })();
  } finally {
    db.close();
  }
  return { rankings: ranked.rankings.length, columnRanks: ranked.columnRanks.length, draws: ranked.draws.length };
}
