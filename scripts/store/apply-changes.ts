/**
 * Writing a store in place, proportionally to the change: content read from the store (`PartialStore`, one
 * benchmark's rows) is kept as a snapshot, changed in memory, and only the difference is written back, in one
 * transaction. Rows outside what was read are never touched, so a partial read is safe to write back this way:
 * the worst a wrong scope can do is a duplicate key, which fails the whole transaction and leaves the store as it was.
 */
import { getTableName } from "drizzle-orm/table";
import { openStoreForUpdate } from "../../db/file.ts";
import { checkpoint } from "./checkpoint.ts";
import type { StoreContent } from "./store-content.ts";
import { insertAll } from "./insert-rows.ts";
import type { PartialStore } from "./read-store.ts";
import { columnsOf, keyColumns } from "./row-codec.ts";
import { TABLES, TABLE_NAMES, type StoreTable, type TableName } from "./tables.ts";

/** The rows of each table as they were read: what the changed content is compared with. */
export type StoreSnapshot = { readonly [K in TableName]: ReadonlySet<object> };

/**
 * The snapshot of content just read. Its rows are frozen: a change must replace a row, never edit it, or the
 * comparison by identity would miss it (an edit throws instead, in these strict-mode modules).
 */
export function snapshotOf(content: PartialStore): StoreSnapshot {
  const snapshot = {} as { [K in TableName]: ReadonlySet<object> };
  for (const name of TABLE_NAMES) {
    const rows = content[name] as object[];
    for (const row of rows) Object.freeze(row);
    snapshot[name] = new Set(rows);
  }
  return snapshot;
}

/** One table's difference: the stored rows to delete (gone or changed) and the rows to insert (new or changed). */
export interface TableChange {
  readonly name: TableName;
  readonly deletes: readonly Record<string, unknown>[];
  readonly inserts: readonly Record<string, unknown>[];
}

/** Two stored cells alike: bytes by content, anything else by value (SQLite keeps no sign of zero). */
function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b) === 0;
  return a === b || (a !== a && b !== b);
}

/** The difference of one table between what was read (`before`) and what the content holds now (`rows`). */
function tableChange(name: TableName, before: ReadonlySet<object>, rows: readonly object[]): TableChange {
  const table = TABLES[name];
  const after = new Set(rows);
  const added = rows.filter((row) => !before.has(row)) as Record<string, unknown>[];
  const removed = [...before].filter((row) => !after.has(row)) as Record<string, unknown>[];
  if (added.length === 0 || removed.length === 0) return { name, deletes: removed, inserts: added };
  // A re-ranking remakes every row of a board; the rows it made equal to the stored ones are left as they are.
  const columns = columnsOf(table);
  const keys = keyColumns(table);
  const keyOf = (row: Record<string, unknown>) => JSON.stringify(keys.map((c) => c.toDriver(row[c.key])));
  const removedByKey = new Map(removed.map((row) => [keyOf(row), row]));
  const inserts: Record<string, unknown>[] = [];
  for (const row of added) {
    const key = keyOf(row);
    const stored = removedByKey.get(key);
    if (stored !== undefined && columns.every((c) => sameCell(c.toDriver(stored[c.key]), c.toDriver(row[c.key])))) removedByKey.delete(key);
    else inserts.push(row);
  }
  return { name, deletes: [...removedByKey.values()], inserts };
}

/** Every table's difference between a snapshot and the content it was taken of, changed (tables in insertion order). */
export function changeSet(snapshot: StoreSnapshot, content: StoreContent): TableChange[] {
  return TABLE_NAMES.map((name) => tableChange(name, snapshot[name], content[name] as object[])).filter((c) => c.deletes.length > 0 || c.inserts.length > 0);
}

/** Deletes rows by their key; every one must be there (else another writer changed the store, and nothing is written). */
function deleteRows(db: ReturnType<typeof openStoreForUpdate>, table: StoreTable, rows: readonly Record<string, unknown>[]): void {
  const keys = keyColumns(table);
  // IS rather than =: it matches a null key cell too, and SQLite still uses the key's index for it.
  const statement = db.prepare(`DELETE FROM "${getTableName(table)}" WHERE ${keys.map((c) => `"${c.name}" IS ?`).join(" AND ")}`);
  for (const row of rows) {
    const removed = statement.run(keys.map((c) => c.toDriver(row[c.key])));
    if (removed.changes !== 1) throw new Error(`the store changed under the writer: ${getTableName(table)} has ${removed.changes} rows where one was read`);
  }
}

/**
 * Writes a change set into the store at `file` in place, in one transaction: every deletion (children first), then
 * every insertion (parents first). Killed at any point, the store holds the old content or the new, never a mixture
 * (SQLite's rollback journal; the next writer rolls a killed one's back, see recoverStore). Call with the write lock held.
 */
export function applyChanges(changes: readonly TableChange[], file: string): void {
  const db = openStoreForUpdate(file);
  try {
    db.transaction(() => {
      for (const { name, deletes } of [...changes].reverse()) deleteRows(db, TABLES[name], deletes);
      for (const { name, inserts } of changes) insertAll(db, TABLES[name], inserts);
      checkpoint("storing");
    })();
  } finally {
    db.close();
  }
}
