/**
 * The store file and the content in memory, both ways: writing a whole store in one transaction (into a
 * temporary file that then replaces the store, so no reader sees half of it) and reading one back.
 */
import fs from "node:fs";
import path from "node:path";
// Deep imports keep the root barrel (hundreds of modules) out of every script start.
import { getTableName } from "drizzle-orm/table";
import { getTableConfig } from "drizzle-orm/sqlite-core/utils";
import { getTableColumns } from "drizzle-orm/utils";
import { buildStoreFile, openStoreFile } from "../../db/file.ts";
import type Database from "better-sqlite3";
import { checkpoint } from "./checkpoint.ts";
import * as schema from "../../db/schema.ts";
import { emptyContent, type StoreContent } from "./store-content.ts";

/** Table objects in insertion order (parents before children, for the foreign keys). */
const TABLES: { [K in keyof StoreContent]: (typeof schema)[keyof typeof schema] } = {
  meta: schema.meta,
  benchmarks: schema.benchmarks,
  perspectives: schema.perspectives,
  dimensions: schema.dimensions,
  boardColumns: schema.boardColumns,
  prompts: schema.prompts,
  promptDimensions: schema.promptDimensions,
  submissions: schema.submissions,
  t2vEntries: schema.t2vEntries,
  v2tEntries: schema.v2tEntries,
  videos: schema.videos,
  ratings: schema.ratings,
  groundTruth: schema.groundTruth,
  anchors: schema.anchors,
  predictions: schema.predictions,
  results: schema.results,
  draws: schema.draws,
  rankings: schema.rankings,
  columnRanks: schema.columnRanks,
  calibrations: schema.calibrations,
  calibrationChecks: schema.calibrationChecks,
  anchorFits: schema.anchorFits,
  publishedChecks: schema.publishedChecks,
  audit: schema.audit,
};

type Cell = string | number | boolean | null | undefined | Uint8Array;

const numberBits = new Float64Array(1);
const numberWords = new Uint32Array(numberBits.buffer);

/** A number as 16 hex digits whose text order is the numeric order (IEEE 754 bits, sign-adjusted). */
function numberKey(x: number): string {
  numberBits[0] = x;
  let high = numberWords[1] as number;
  let low = numberWords[0] as number;
  if (high >>> 31) {
    high = ~high >>> 0;
    low = ~low >>> 0;
  } else high = (high | 0x80000000) >>> 0;
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}

/** A cell as text whose order is the cells' order: nulls first, numbers numerically, text by code unit, bytes bytewise. */
function cellKey(cell: Cell): string {
  if (cell === null || cell === undefined) return "\u0001";
  if (typeof cell === "number") return `\u0002${numberKey(cell)}`;
  if (typeof cell === "boolean") return `\u0002${numberKey(cell ? 1 : 0)}`;
  if (typeof cell === "string") return `\u0003${cell}`;
  return `\u0004${Buffer.from(cell).toString("hex")}`;
}

/**
 * A table's rows in one canonical order (by every column, in the table's column order), so that the
 * same content gives the same file whether a rebuild made it or a submission extended a read-back store.
 * Rows are unique on their primary key, so the columns up to the last key column decide the order; each row's
 * are joined into one text key (separated by a character below every cell's first), sorted as text.
 */
function canonical(table: (typeof TABLES)[keyof StoreContent], rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const columns = Object.entries(getTableColumns(table));
  const config = getTableConfig(table);
  const primary = new Set([...config.columns.filter((c) => c.primary).map((c) => c.name), ...config.primaryKeys.flatMap((k) => k.columns.map((c) => c.name))]);
  const last = primary.size === 0 ? columns.length - 1 : Math.max(...columns.map(([, c], i) => (primary.has(c.name) ? i : -1)));
  const keys = columns.slice(0, last + 1).map(([key]) => key);
  const keyed = rows.map((row) => ({ row, key: keys.map((key) => cellKey(row[key] as Cell)).join("\u0000") }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

/** A table's columns: the row property, the SQL name, and the conversions between the two (drizzle's own). */
function columnsOf(table: (typeof TABLES)[keyof StoreContent]) {
  return Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    name: column.name,
    // Text and numbers pass as they are; only booleans and the like need drizzle's mapping.
    toDriver: column.columnType === "SQLiteText" || column.columnType === "SQLiteInteger" || column.columnType === "SQLiteReal"
      ? (value: unknown) => (value === undefined ? null : value)
      : (value: unknown) => (value === undefined || value === null ? null : column.mapToDriverValue(value)),
    fromDriver: (value: unknown) => (value === null ? null : column.mapFromDriverValue(value)),
  }));
}

/** Rows per multi-row INSERT: fewer calls into SQLite, within its limit of 32,766 bound values. */
const BATCH = 100;

/** Inserts rows in order with prepared multi-row statements (drizzle's inserts cost far more at a million rows). */
function insertAll(db: Database.Database, table: (typeof TABLES)[keyof StoreContent], rows: readonly Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const columns = columnsOf(table);
  const placeholders = `(${columns.map(() => "?").join(", ")})`;
  const into = `INSERT INTO "${getTableName(table)}" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES `;
  const batch = Math.max(1, Math.min(BATCH, Math.floor(32_766 / columns.length)));
  const many = db.prepare(into + Array.from({ length: batch }, () => placeholders).join(", "));
  const one = db.prepare(into + placeholders);
  const values: unknown[] = new Array(batch * columns.length);
  let start = 0;
  for (; start + batch <= rows.length; start += batch) {
    for (let r = 0; r < batch; r++) {
      const row = rows[start + r] as Record<string, unknown>;
      for (let c = 0; c < columns.length; c++) values[r * columns.length + c] = (columns[c] as (typeof columns)[number]).toDriver(row[(columns[c] as (typeof columns)[number]).key]);
    }
    many.run(values);
  }
  for (; start < rows.length; start++) {
    const row = rows[start] as Record<string, unknown>;
    one.run(columns.map((c) => c.toDriver(row[c.key])));
  }
}

/** The temporary file a store is written to before it replaces `target`; a crash can leave one behind. */
export function temporaryStorePath(target: string): string {
  return `${target}.${process.pid}.tmp`;
}

/**
 * Builds the store at `target`: a fresh file next to it gets the schema and every row in one
 * transaction, and only then replaces `target`. On any error the old store is left untouched.
 */
export function writeStore(content: StoreContent, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = temporaryStorePath(target);
  fs.rmSync(temporary, { force: true });
  try {
    buildStoreFile(temporary, (db) => {
      for (const [name, table] of Object.entries(TABLES) as [keyof StoreContent, (typeof TABLES)[keyof StoreContent]][]) {
        insertAll(db, table, canonical(table, content[name] as Record<string, unknown>[]));
      }
    });
    checkpoint("storing");
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** What a dry run needs of a store's bulk: one scope of some boards of one benchmark, and some V2T entries' predictions. */
export interface StoreScope {
  readonly benchmarkId: string;
  readonly boards: readonly string[];
  readonly dimension: string;
  /** The V2T entries whose predictions are read (an auto-scored T2V bundle's evaluator), none by default. */
  readonly predictionsOf?: readonly string[];
}

/** The rows of a table a scoped read keeps (null: every row), as an SQL condition and its parameters. */
function scopeCondition(name: keyof StoreContent, scope: StoreScope): { sql: string; params: string[] } | null {
  const list = (values: readonly string[]) => `(${values.map(() => "?").join(", ")})`;
  const figures = { sql: `"benchmark_id" = ? AND "dimension" = ?`, params: [scope.benchmarkId, scope.dimension] };
  switch (name) {
    case "results":
      return figures;
    case "draws":
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

/**
 * Reads a store back into memory, every table, rows as drizzle would give them; with `scope`, the bulk tables
 * (figures, resampled values, rankings, predictions, ratings) only as far as that scope needs, so that what a
 * dry run reads stays flat as entries accumulate. Content read within a scope must never be written back.
 */
export function readStore(file: string, options: { readonly scope?: StoreScope } = {}): StoreContent {
  const store = openStoreFile(file);
  try {
    const content = emptyContent();
    for (const [name, table] of Object.entries(TABLES) as [keyof StoreContent, (typeof TABLES)[keyof StoreContent]][]) {
      const columns = columnsOf(table);
      const condition = options.scope ? scopeCondition(name, options.scope) : null;
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
