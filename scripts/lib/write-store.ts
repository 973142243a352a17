/**
 * The store file and the content in memory, both ways: writing a whole store in one transaction (into a
 * temporary file that then replaces the store, so no reader sees half of it) and reading one back.
 */
import fs from "node:fs";
import path from "node:path";
// Deep imports keep the root barrel (hundreds of modules) out of every script start.
import { getTableName } from "drizzle-orm/table";
import { getTableColumns } from "drizzle-orm/utils";
import { createStoreFile, openStoreFile } from "../../db/file.ts";
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

function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b);
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A table's rows in one canonical order (by every column, in the table's column order), so that the
 * same content gives the same file whether a rebuild made it or a submission extended a read-back store.
 */
function canonical(table: (typeof TABLES)[keyof StoreContent], rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const keys = Object.keys(getTableColumns(table));
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const order = compareCells(a[key] as Cell, b[key] as Cell);
      if (order !== 0) return order;
    }
    return 0;
  });
}

/** A table's columns: the row property, the SQL name, and the conversions between the two (drizzle's own). */
function columnsOf(table: (typeof TABLES)[keyof StoreContent]) {
  return Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    name: column.name,
    toDriver: (value: unknown) => (value === undefined || value === null ? null : column.mapToDriverValue(value)),
    fromDriver: (value: unknown) => (value === null ? null : column.mapFromDriverValue(value)),
  }));
}

/** Inserts rows with one prepared statement (drizzle's multi-row inserts cost far more at a million rows). */
function insertAll(db: ReturnType<typeof createStoreFile>, table: (typeof TABLES)[keyof StoreContent], rows: readonly Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const columns = columnsOf(table);
  const statement = db.prepare(`INSERT INTO "${getTableName(table)}" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  const values: unknown[] = new Array(columns.length);
  for (const row of rows) {
    for (let c = 0; c < columns.length; c++) values[c] = (columns[c] as (typeof columns)[number]).toDriver(row[(columns[c] as (typeof columns)[number]).key]);
    statement.run(values);
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
  const store = createStoreFile(temporary);
  try {
    store.transaction(() => {
      for (const [name, table] of Object.entries(TABLES) as [keyof StoreContent, (typeof TABLES)[keyof StoreContent]][]) {
        insertAll(store, table, canonical(table, content[name] as Record<string, unknown>[]));
      }
    })();
    store.close();
    checkpoint("storing");
    fs.renameSync(temporary, target);
  } catch (error) {
    if (store.open) store.close();
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Reads a whole store back into memory, every table, rows as drizzle would give them. */
export function readStore(file: string): StoreContent {
  const store = openStoreFile(file);
  try {
    const content = emptyContent();
    for (const [name, table] of Object.entries(TABLES) as [keyof StoreContent, (typeof TABLES)[keyof StoreContent]][]) {
      const columns = columnsOf(table);
      const statement = store.prepare(`SELECT ${columns.map((c) => `"${c.name}"`).join(", ")} FROM "${getTableName(table)}"`).raw(true);
      (content[name] as unknown[]) = (statement.all() as unknown[][]).map((cells) => {
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
