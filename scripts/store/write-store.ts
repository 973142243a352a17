/**
 * A whole store written in one go (a rebuild, or a submit that had to rebuild first): a fresh file next to the
 * store gets the schema and every row in one transaction, and only then replaces the store, so no reader sees
 * half of it. A submit that read the store changes it in place instead (apply-changes.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { buildStoreFile, recoverStore } from "../../db/file.ts";
import { checkpoint } from "./checkpoint.ts";
import type { StoreContent } from "./store-content.ts";
import { insertAll } from "./insert-rows.ts";
import { TABLES, TABLE_NAMES } from "./tables.ts";

/** Content that holds every row of a store: anything but a partial read (`PartialStore`), which a whole write would truncate. */
export type WholeStore = StoreContent & { readonly partial?: never };

/** The temporary file a store is written to before it replaces `target`; a crash can leave one behind. */
export function temporaryStorePath(target: string): string {
  return `${target}.${process.pid}.tmp`;
}

/**
 * Builds the store at `target`: a fresh file next to it gets the schema and every row in one
 * transaction, and only then replaces `target`. On any error the old store is left untouched.
 */
export function writeStore(content: WholeStore, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = temporaryStorePath(target);
  fs.rmSync(temporary, { force: true });
  try {
    buildStoreFile(temporary, (db) => {
      for (const name of TABLE_NAMES) insertAll(db, TABLES[name], content[name] as Record<string, unknown>[]);
    });
    checkpoint("storing");
    // A journal that a killed in-place write left beside the old store would be played back into the new one.
    recoverStore(target);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
