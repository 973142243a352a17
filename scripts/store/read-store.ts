/**
 * Reading a store back into memory: whole (`StoreContent`, which a whole write accepts), or in part, within a
 * scope or some tables (`PartialStore`, which only an in-place change writes back: see apply-changes.ts).
 */
import { getTableName } from "drizzle-orm/table";
import { openStoreFile } from "../../db/file.ts";
import { BOARD_SCOPE, type BoardId } from "../../src/schemas/board.ts";
import { emptyContent, type StoreContent } from "./store-content.ts";
import { columnsOf } from "./row-codec.ts";
import { TABLES, TABLE_NAMES, type TableName } from "./tables.ts";

/** What a dry run needs of a store's bulk: one scope of some boards of one benchmark, and some V2T entries' predictions. */
export interface StoreScope {
  readonly benchmarkId: string;
  readonly boards: readonly BoardId[];
  readonly dimension: string;
  /** The V2T entries whose predictions are read (an auto-scored T2V bundle's evaluator), none by default. */
  readonly predictionsOf?: readonly string[];
  /** The boards whose resampled values are read (only the ranked ones place an entry); `boards` by default. */
  readonly drawsOf?: readonly BoardId[];
}

/** What a real submit reads of a store's bulk: one benchmark's rows, and of its predictions those of some V2T entries. */
export interface BenchmarkScope {
  readonly benchmarkId: string;
  /** The V2T entries whose predictions scoring or the audit reads (an evaluator, the audited methods). */
  readonly predictionsOf: readonly string[];
  /**
   * Of the resampled values, only those under these column keys (every one by default): a submit reads the rows it
   * replaces (the ranking step's rank sums) and leaves the entries' own in the store, where the ranking reads them.
   */
  readonly drawsKeys?: readonly string[];
}

/** How to read a store in part: within a dry run's scope, one benchmark's rows, or some tables only. */
export interface PartialRead {
  readonly scope?: StoreScope;
  readonly benchmark?: BenchmarkScope;
  readonly tables?: readonly TableName[];
}

/**
 * Content read in part: it looks like a store's content, but rows outside what was read are missing, so a whole
 * write of it would lose them. `writeStore` does not accept it (a compile error); `partial` says what was read.
 */
export type PartialStore = StoreContent & { readonly partial: PartialRead };

/** An SQL condition on a table's rows and its parameters. */
interface Condition {
  readonly sql: string;
  readonly params: readonly string[];
}

const list = (values: readonly string[]) => `(${values.map(() => "?").join(", ")})`;

/** The rows of a table a dry run's scoped read keeps (null: every row). */
function scopeCondition(name: TableName, scope: StoreScope): Condition | null {
  const figures = { sql: `"benchmark_id" = ? AND "dimension" = ?`, params: [scope.benchmarkId, scope.dimension] };
  switch (name) {
    case "results": {
      // The boards' own figures: their direction and level, which with the dimension the results_board index serves.
      const pairs = scope.boards.map((board) => BOARD_SCOPE[board]);
      return {
        sql: `"benchmark_id" = ? AND ("direction", "level") IN (VALUES ${pairs.map(() => "(?, ?)").join(", ")}) AND "dimension" = ?`,
        params: [scope.benchmarkId, ...pairs.flatMap((p) => [p.direction, p.level]), scope.dimension],
      };
    }
    case "draws": {
      const boards = scope.drawsOf ?? scope.boards;
      return { sql: `${figures.sql} AND "board" IN ${list(boards)}`, params: [...figures.params, ...boards] };
    }
    case "rankings":
    case "columnRanks":
      return { sql: `${figures.sql} AND "board" IN ${list(scope.boards)}`, params: [...figures.params, ...scope.boards] };
    case "predictions": {
      const of = scope.predictionsOf ?? [];
      return { sql: `"benchmark_id" = ? AND "v2t_entry_id" IN ${list(of)}`, params: [scope.benchmarkId, ...of] };
    }
    case "ratings":
      // Submitted panels' ratings are read by their own entry's scoring only; a dry run scores the bundle's.
      return { sql: `"benchmark_id" = ? AND "batch" = 'dataset'`, params: [scope.benchmarkId] };
    default:
      return null;
  }
}

/** Tables a benchmark-scoped read keeps whole: a submit compares every stored submission with data/submissions/. */
const READ_WHOLE: ReadonlySet<TableName> = new Set(["submissions"]);

/**
 * The rows of a table a benchmark-scoped read keeps (null: every row): of any table with a benchmark column, that
 * benchmark's rows (so a table added to the schema later is scoped too); of the benchmark's ratings and the named
 * entries' predictions only what scoring reads (other panels' ratings and other methods' predictions are bulk
 * that a submit neither reads nor changes).
 */
function benchmarkCondition(name: TableName, scope: BenchmarkScope): Condition | null {
  if (name === "predictions") return { sql: `"benchmark_id" = ? AND "v2t_entry_id" IN ${list(scope.predictionsOf)}`, params: [scope.benchmarkId, ...scope.predictionsOf] };
  if (name === "ratings") return { sql: `"benchmark_id" = ? AND "batch" = 'dataset'`, params: [scope.benchmarkId] };
  if (name === "draws" && scope.drawsKeys !== undefined) return { sql: `"benchmark_id" = ? AND "column_key" IN ${list(scope.drawsKeys)}`, params: [scope.benchmarkId, ...scope.drawsKeys] };
  if (READ_WHOLE.has(name) || !columnsOf(TABLES[name]).some((c) => c.name === "benchmark_id")) return null;
  return { sql: `"benchmark_id" = ?`, params: [scope.benchmarkId] };
}

/** Reads every table (or `read.tables`) within the conditions of `read`, rows as drizzle would give them. */
function readRows(file: string, read: PartialRead): StoreContent {
  const store = openStoreFile(file);
  try {
    const content = emptyContent();
    for (const name of TABLE_NAMES) {
      if (read.tables && !read.tables.includes(name)) continue;
      const table = TABLES[name];
      const columns = columnsOf(table);
      const condition = read.scope ? scopeCondition(name, read.scope) : read.benchmark ? benchmarkCondition(name, read.benchmark) : null;
      const statement = store.prepare(`SELECT ${columns.map((c) => `"${c.name}"`).join(", ")} FROM "${getTableName(table)}"${condition ? ` WHERE ${condition.sql}` : ""}`).raw(true);
      const cellsOf = (condition ? statement.all(...condition.params) : statement.all()) as unknown[][];
      (content[name] as unknown[]) = cellsOf.map((cells) => {
        const row: Record<string, unknown> = {};
        for (let c = 0; c < columns.length; c++) row[(columns[c] as (typeof columns)[number]).key] = (columns[c] as (typeof columns)[number]).fromDriver(cells[c]);
        return row;
      });
    }
    return content;
  } finally {
    store.close();
  }
}

/** Reads a whole store back into memory, every row of every table. */
export function readStore(file: string): StoreContent;
/**
 * Reads a store in part: with `scope`, the bulk tables (figures, resampled values, rankings, predictions, ratings)
 * only as far as a dry run needs, so that what it reads stays flat as entries accumulate; with `benchmark`, one
 * benchmark's rows (see BenchmarkScope), for a submit that writes back only what it changed; with `tables`, those
 * tables only (the others left empty). The result is a `PartialStore`, which a whole write refuses.
 */
export function readStore(file: string, read: PartialRead): PartialStore;
export function readStore(file: string, read?: PartialRead): StoreContent | PartialStore {
  if (read === undefined) return readRows(file, {});
  return Object.assign(readRows(file, read), { partial: read });
}
