/**
 * One entry's rows on every board × scope of its direction, read by key, and each board × scope's few board-wide
 * facts: what an entry's page, downloads and compare files show, without holding any whole board for the build.
 * The rows are built by the boards' own row builder (`buildBoardRow`), so they equal the entry's rows in the views.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { RecentCache } from "./recent-cache.ts";
import * as t from "../../db/schema.ts";
import { boardsOf, type BoardId } from "../schemas/board.ts";
import { listDimensions } from "./benchmarks.ts";
import { boardScope, buildApartRow, buildBoardRow, entryStoredRows, isKeptApart } from "./board-row-builder.ts";
import { boardSummary, type ApartRow, type BoardRow } from "./boards.ts";
import { entriesByDirection } from "./entry-rows.ts";
import { beginEntryRun } from "./entry-runs.ts";
import { store } from "./store.ts";

/** A benchmark's scopes in page order: `overall`, then each task dimension. */
export function scopeIds(benchmarkId: string): string[] {
  return ["overall", ...listDimensions(benchmarkId).map((d) => d.id)];
}

/** An entry's rows on every board × scope of its direction, as the boards list them. */
export interface EntryBoardRows {
  /** Its row on a board × scope, or undefined when that board lists none for it (as the view lists it). */
  readonly row: (board: BoardId, dimension: string) => BoardRow | undefined;
  /** Its row kept apart from a board (an auto-scored T2V entry that cannot be ranked), or undefined. */
  readonly apart: (board: BoardId, dimension: string) => ApartRow | undefined;
}

/** The statements that read one entry's rows by key, prepared once per benchmark and direction. */
interface EntryQueries {
  readonly results: { all(values: { entry: string }): (typeof t.results.$inferSelect)[] };
  readonly rankings: { all(values: { entry: string }): (typeof t.rankings.$inferSelect)[] };
  readonly columnRanks: { all(values: { entry: string }): (typeof t.columnRanks.$inferSelect)[] };
}

const queries = new Map<string, EntryQueries>();

/**
 * The three reads of an entry's rows: its results (the key of `results` leads with benchmark, direction and entry)
 * and its rankings and column ranks (their keys lead with board and dimension, so every board and scope is named:
 * one seek each, never a scan of the benchmark's rows).
 */
function entryQueries(benchmarkId: string, direction: "t2v" | "v2t"): EntryQueries {
  const key = `${benchmarkId}\u0000${direction}`;
  let found = queries.get(key);
  if (!found) {
    const db = store();
    const boards = boardsOf(direction);
    const scopes = scopeIds(benchmarkId);
    const entry = sql.placeholder("entry");
    found = {
      results: db
        .select()
        .from(t.results)
        .where(and(eq(t.results.benchmarkId, benchmarkId), eq(t.results.direction, direction), eq(t.results.entryId, entry)))
        .prepare(),
      rankings: db
        .select()
        .from(t.rankings)
        .where(and(eq(t.rankings.benchmarkId, benchmarkId), inArray(t.rankings.board, boards), inArray(t.rankings.dimension, scopes), eq(t.rankings.entryId, entry)))
        .prepare(),
      columnRanks: db
        .select()
        .from(t.columnRanks)
        .where(
          and(eq(t.columnRanks.benchmarkId, benchmarkId), inArray(t.columnRanks.board, boards), inArray(t.columnRanks.dimension, scopes), eq(t.columnRanks.entryId, entry)),
        )
        .prepare(),
    };
    queries.set(key, found);
  }
  return found;
}

/**
 * The entries read most recently: an entry's files are written one after another (its CSV and JSON, its compare
 * JSON and resamples), so a few are kept rather than read again; not every entry's, which would grow with the board.
 */
const recent = new RecentCache<string, EntryBoardRows>(4);

/** One entry's rows on its direction's boards in every scope, read by key (a few kept), or an error for an unknown entry. */
export function loadEntryBoardRows(benchmarkId: string, direction: "t2v" | "v2t", entryId: string): EntryBoardRows {
  return recent.get(`${benchmarkId}\u0000${direction}\u0000${entryId}`, () => {
    beginEntryRun();
    return readEntryBoardRows(benchmarkId, direction, entryId);
  });
}

function readEntryBoardRows(benchmarkId: string, direction: "t2v" | "v2t", entryId: string): EntryBoardRows {
  const entry = entriesByDirection(benchmarkId, direction).get(entryId);
  if (!entry) throw new Error(`unknown ${direction === "t2v" ? "T2V" : "V2T"} entry "${entryId}" on ${benchmarkId}`);
  const read = entryQueries(benchmarkId, direction);
  const results = Map.groupBy(read.results.all({ entry: entryId }), (r) => `${r.level}\u0000${r.dimension}`);
  const rankings = new Map(read.rankings.all({ entry: entryId }).map((r) => [`${r.board}\u0000${r.dimension}`, r]));
  const columnRanks = Map.groupBy(read.columnRanks.all({ entry: entryId }), (r) => `${r.board}\u0000${r.dimension}`);
  const rowOf = new Map<string, BoardRow>();
  const apartOf = new Map<string, ApartRow>();
  for (const board of boardsOf(direction)) {
    for (const dimension of scopeIds(benchmarkId)) {
      const scope = boardScope(benchmarkId, board, dimension);
      const at = `${board}\u0000${dimension}`;
      const stored = entryStoredRows(results.get(`${scope.level}\u0000${dimension}`) ?? [], columnRanks.get(at) ?? []);
      const ranking = rankings.get(at);
      // As the view lists it: its ranked place first (or kept apart), then, for real videos, the row after the ranked ones.
      if (ranking && isKeptApart(entry, ranking, stored)) apartOf.set(at, buildApartRow(scope, entry, stored, ranking.unrankedReason as string));
      else if (ranking) {
        rowOf.set(at, buildBoardRow(scope, entry, stored, ranking, ranking.position));
        continue;
      }
      if (!entry.isReference) continue;
      const position = boardSummary(benchmarkId, board, dimension).referencePositions.get(entryId);
      if (position !== undefined) rowOf.set(at, buildBoardRow(scope, entry, stored, undefined, position));
    }
  }
  return { row: (board, dimension) => rowOf.get(`${board}\u0000${dimension}`), apart: (board, dimension) => apartOf.get(`${board}\u0000${dimension}`) };
}
