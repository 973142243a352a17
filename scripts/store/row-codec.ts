/** A table's rows between memory and SQLite: each column's row property, SQL name and drizzle's conversions. */
import { getTableConfig } from "drizzle-orm/sqlite-core/utils";
import { getTableColumns } from "drizzle-orm/utils";
import type { StoreTable } from "./tables.ts";

/** A cell as SQLite gives it or takes it. */
export type Cell = string | number | boolean | null | undefined | Uint8Array;

/** One column of a table: the row property, the SQL name, and the conversions between the two. */
export interface ColumnCodec {
  readonly key: string;
  readonly name: string;
  /** Text and numbers pass as they are; only booleans and the like need drizzle's mapping. */
  readonly plain: boolean;
  readonly toDriver: (value: unknown) => unknown;
  readonly fromDriver: (value: unknown) => unknown;
}

/** A table's columns in the schema's order, with drizzle's own conversions. */
export function columnsOf(table: StoreTable): ColumnCodec[] {
  return Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    name: column.name,
    plain: column.columnType === "SQLiteText" || column.columnType === "SQLiteInteger" || column.columnType === "SQLiteReal",
    toDriver: (value: unknown) => (value === undefined || value === null ? null : column.mapToDriverValue(value)),
    fromDriver: (value: unknown) => (value === null ? null : column.mapFromDriverValue(value)),
  }));
}

/** The columns that identify a row: the primary key's, else (a table without one) every column. */
export function keyColumns(table: StoreTable): ColumnCodec[] {
  const config = getTableConfig(table);
  const primary = new Set([...config.columns.filter((c) => c.primary).map((c) => c.name), ...config.primaryKeys.flatMap((k) => k.columns.map((c) => c.name))]);
  const columns = columnsOf(table);
  return primary.size === 0 ? columns : columns.filter((c) => primary.has(c.name));
}

/** Index of the last primary-key column in the schema's column order (the last column when there is no key). */
export function lastKeyIndex(table: StoreTable): number {
  const keys = new Set(keyColumns(table).map((c) => c.name));
  const columns = columnsOf(table);
  return Math.max(...columns.map((c, i) => (keys.has(c.name) ? i : -1)));
}
