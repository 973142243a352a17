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
import { buildStoreFile, openStoreFile } from "../../../db/file.ts";
import type Database from "better-sqlite3";
import { checkpoint } from "../checkpoint.ts";
import * as schema from "../../../db/schema.ts";
import { emptyContent, type StoreContent } from "../store-content.ts";
import { BOARD_SCOPE, type BoardId } from "../../../src/schemas/board.ts";

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
  entryProvenance: schema.entryProvenance,
  trainingData: schema.trainingData,
  generationCards: schema.generationCards,
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
  anchorAgreements: schema.anchorAgreements,
  anchorChecks: schema.anchorChecks,
  anchorFlags: schema.anchorFlags,
  publishedChecks: schema.publishedChecks,
  audit: schema.audit,
  agreementCeilings: schema.agreementCeilings,
  verifications: schema.verifications,
  withdrawals: schema.withdrawals,
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

/** Two cells in the order of their keys (`cellKey`), comparing text directly: the common case needs no key. */
function compareCells(a: Cell, b: Cell): number {
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  const x = cellKey(a);
  const y = cellKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Each cell's rank among the column's distinct values (equal cells, equal ranks), and how many distinct there are. */
function ranksOf(cells: readonly Cell[]): { ranks: Uint32Array; count: number } {
  const ranks = new Uint32Array(cells.length);
  const texts = new Map<string, number>();
  const others = new Map<string, number>();
  const distinct: Cell[] = [];
  // Sorted or grouped input repeats a value over long runs: one comparison instead of a lookup.
  let previous: string | undefined;
  let previousId = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    let id: number | undefined;
    if (typeof cell === "string") {
      if (cell === previous) id = previousId;
      else {
        id = texts.get(cell);
        if (id === undefined) texts.set(cell, (id = distinct.push(cell) - 1));
        previous = cell;
        previousId = id;
      }
    } else {
      // Keyed by text so that -0 and 0, or equal bytes in different arrays, compare as the key order does.
      const key = cellKey(cell);
      id = others.get(key);
      if (id === undefined) others.set(key, (id = distinct.push(cell) - 1));
    }
    ranks[i] = id;
  }
  const order = Array.from(distinct.keys()).sort((a, b) => compareCells(distinct[a], distinct[b]));
  const rankOfId = new Uint32Array(distinct.length);
  for (let r = 0; r < order.length; r++) rankOfId[order[r] as number] = r;
  for (let i = 0; i < ranks.length; i++) ranks[i] = rankOfId[ranks[i] as number] as number;
  return { ranks, count: distinct.length };
}

/** `order` stably re-sorted by each row's rank (a counting sort: two passes, no comparisons). */
function countingSort(order: Uint32Array, ranks: Uint32Array, count: number): Uint32Array {
  const starts = new Uint32Array(count + 1);
  for (let i = 0; i < ranks.length; i++) (starts[(ranks[i] as number) + 1] as number)++;
  for (let r = 1; r <= count; r++) (starts[r] as number) += starts[r - 1] as number;
  const sorted = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const row = order[i] as number;
    sorted[(starts[ranks[row] as number] as number)++] = row;
  }
  return sorted;
}

/** A function reading one property: its own code, so the read stays monomorphic (a shared `row[key]` does not). */
function reader(key: string): (row: Record<string, unknown>) => Cell {
  return new Function("row", `return row[${JSON.stringify(key)}];`) as (row: Record<string, unknown>) => Cell;
}

/**
 * A table's rows in one canonical order (by every column, in the table's column order), as row indices, so that
 * the same content gives the same file whether a rebuild made it or a submission extended a read-back store.
 * Rows are unique on their primary key, so the columns up to the last key column decide the order. All but the
 * last of those are ranked and radix-sorted (no key text per row: at a million rows the keys and their garbage
 * cost more than the inserts); rows that tie on them are then sorted by the last column, usually a handful each.
 */
function canonicalOrder(table: (typeof TABLES)[keyof StoreContent], rows: readonly Record<string, unknown>[]): Uint32Array {
  const columns = Object.entries(getTableColumns(table));
  const config = getTableConfig(table);
  const primary = new Set([...config.columns.filter((c) => c.primary).map((c) => c.name), ...config.primaryKeys.flatMap((k) => k.columns.map((c) => c.name))]);
  const last = primary.size === 0 ? columns.length - 1 : Math.max(...columns.map(([, c], i) => (primary.has(c.name) ? i : -1)));
  const keys = columns.slice(0, last + 1).map(([key]) => key);
  let order: Uint32Array = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (rows.length < 2) return order;
  // A column with one value orders nothing; skipping it saves a pass.
  const ranked = keys.slice(0, -1).map((key) => ranksOf(rows.map(reader(key)))).filter((r) => r.count > 1);
  for (let c = ranked.length - 1; c >= 0; c--) order = countingSort(order, (ranked[c] as (typeof ranked)[number]).ranks, (ranked[c] as (typeof ranked)[number]).count);
  const lastKey = keys[keys.length - 1] as string;
  const byLast = (a: number, b: number) => compareCells(rows[a]?.[lastKey] as Cell, rows[b]?.[lastKey] as Cell);
  const tied = (a: number, b: number) => {
    for (let c = 0; c < ranked.length; c++) if ((ranked[c] as (typeof ranked)[number]).ranks[a] !== (ranked[c] as (typeof ranked)[number]).ranks[b]) return false;
    return true;
  };
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && tied(order[start] as number, order[i] as number)) continue;
    if (i - start > 1) order.subarray(start, i).sort(byLast);
    start = i;
  }
  return order;
}

/** A table's columns: the row property, the SQL name, and the conversions between the two (drizzle's own). */
function columnsOf(table: (typeof TABLES)[keyof StoreContent]) {
  return Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    name: column.name,
    /** Text and numbers pass as they are; only booleans and the like need drizzle's mapping. */
    plain: column.columnType === "SQLiteText" || column.columnType === "SQLiteInteger" || column.columnType === "SQLiteReal",
    toDriver: (value: unknown) => (value === undefined || value === null ? null : column.mapToDriverValue(value)),
    fromDriver: (value: unknown) => (value === null ? null : column.mapFromDriverValue(value)),
  }));
}

/** Rows per multi-row INSERT: fewer calls into SQLite, within its limit of 32,766 bound values. */
const BATCH = 100;

/** Statements kept per table for batches with different columns of one value (enough for any real table's runs). */
const SHAPES = 64;

/**
 * Inserts a table's rows in canonical order with prepared multi-row statements (drizzle's inserts cost far more
 * at a million rows). Binding a value costs about as much as SQLite's insert of it, and in canonical order most
 * columns hold one value over a whole batch (benchmark, direction, entry, provenance...): such a column is bound
 * once, as a named parameter every row of the statement refers to. The rows stored are the same either way.
 */
function insertAll(db: Database.Database, table: (typeof TABLES)[keyof StoreContent], rows: readonly Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const order = canonicalOrder(table, rows);
  const columns = columnsOf(table);
  const keys = columns.map((c) => c.key);
  const conversions = columns.map((c) => c.toDriver);
  // Text and numbers pass as they are: calling a conversion for each of millions of cells is a measurable cost.
  const plain = columns.map((c) => c.plain);
  const width = columns.length;
  const into = `INSERT INTO "${getTableName(table)}" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES `;
  const batch = Math.max(1, Math.min(BATCH, Math.floor(32_766 / width)));
  const cells: unknown[] = new Array(batch * width);
  // Generated code, so that each column's read has one property name: one loop over the names makes every read
  // a megamorphic lookup, about a tenth of the whole write at a million rows. Names are quoted by JSON.stringify.
  const body = keys.map((key, c) => (plain[c] ? `v = row[${JSON.stringify(key)}]; cells[at + ${c}] = v === undefined ? null : v;` : `cells[at + ${c}] = conversions[${c}](row[${JSON.stringify(key)}]);`));
  const fill = new Function("cells", "conversions", `return (row, at) => { let v; ${body.join(" ")} };`)(cells, conversions) as (row: Record<string, unknown>, at: number) => void;
  // One statement per set of single-valued columns (a bit mask), each with its array of the other cells.
  const shapes = new Map<number, { statement: Database.Statement; values: unknown[] }>();
  const shape = (mask: number) => {
    let found = shapes.get(mask);
    if (found === undefined) {
      const row = `(${columns.map((_, c) => (mask & (1 << c) ? `@c${c}` : "?")).join(", ")})`;
      const varying = columns.filter((_, c) => !(mask & (1 << c))).length;
      found = { statement: db.prepare(into + Array.from({ length: batch }, () => row).join(", ")), values: new Array(batch * varying) };
      shapes.set(mask, found);
    }
    return found;
  };
  const full = shape(0);
  let start = 0;
  for (; start + batch <= rows.length; start += batch) {
    for (let r = 0; r < batch; r++) fill(rows[order[start + r] as number] as Record<string, unknown>, r * width);
    let mask = 0;
    // Masks are 31 bits; wider tables bind every cell (none is that wide).
    if (batch > 1 && width <= 31) {
      for (let c = 0; c < width; c++) {
        const first = cells[c];
        let r = 1;
        // Object.is, not ===: 0 and -0 are different values to store.
        while (r < batch && Object.is(cells[r * width + c], first)) r++;
        if (r === batch) mask |= 1 << c;
      }
      if (mask !== 0 && !shapes.has(mask) && shapes.size >= SHAPES) mask = 0;
    }
    if (mask === 0) {
      full.statement.run(cells);
      continue;
    }
    const { statement, values } = shape(mask);
    const shared: Record<string, unknown> = {};
    for (let c = 0; c < width; c++) if (mask & (1 << c)) shared[`c${c}`] = cells[c];
    let j = 0;
    for (let r = 0; r < batch; r++) for (let c = 0; c < width; c++) if (!(mask & (1 << c))) values[j++] = cells[r * width + c];
    statement.run(values, shared);
  }
  const one = db.prepare(into + `(${columns.map(() => "?").join(", ")})`);
  cells.length = width;
  for (; start < rows.length; start++) {
    fill(rows[order[start] as number] as Record<string, unknown>, 0);
    one.run(cells);
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
        insertAll(db, table, content[name] as Record<string, unknown>[]);
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
  readonly boards: readonly BoardId[];
  readonly dimension: string;
  /** The V2T entries whose predictions are read (an auto-scored T2V bundle's evaluator), none by default. */
  readonly predictionsOf?: readonly string[];
  /** The boards whose resampled values are read (only the ranked ones place an entry); `boards` by default. */
  readonly drawsOf?: readonly BoardId[];
}

/** The rows of a table a scoped read keeps (null: every row), as an SQL condition and its parameters. */
function scopeCondition(name: keyof StoreContent, scope: StoreScope): { sql: string; params: string[] } | null {
  const list = (values: readonly string[]) => `(${values.map(() => "?").join(", ")})`;
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

/**
 * Reads a store back into memory, every table, rows as drizzle would give them; with `scope`, the bulk tables
 * (figures, resampled values, rankings, predictions, ratings) only as far as that scope needs, so that what a
 * dry run reads stays flat as entries accumulate; with `tables`, those tables only (the others left empty).
 * Content read within a scope, or of some tables, must never be written back.
 */
export function readStore(file: string, options: { readonly scope?: StoreScope; readonly tables?: readonly (keyof StoreContent)[] } = {}): StoreContent {
  const store = openStoreFile(file);
  try {
    const content = emptyContent();
    for (const [name, table] of Object.entries(TABLES) as [keyof StoreContent, (typeof TABLES)[keyof StoreContent]][]) {
      if (options.tables && !options.tables.includes(name)) continue;
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
