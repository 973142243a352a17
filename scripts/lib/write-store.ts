/** Writes a whole store file in one transaction, then moves it into place, so no reader sees half of it. */
import fs from "node:fs";
import path from "node:path";
import { createStore } from "../../db/client.ts";
import * as schema from "../../db/schema.ts";
import type { StoreContent } from "./store-content.ts";

const CHUNK = 500;

/** Table objects in insertion order (parents before children, for the foreign keys). */
const TABLES: { [K in keyof StoreContent]: (typeof schema)[keyof typeof schema] } = {
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
  predictions: schema.predictions,
  results: schema.results,
  rankings: schema.rankings,
  columnRanks: schema.columnRanks,
};

/**
 * Builds the store at `target`: a fresh file next to it gets the schema and every row in one
 * transaction, and only then replaces `target`. On any error the old store is left untouched.
 */
export function writeStore(content: StoreContent, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  const store = createStore(temporary);
  try {
    store.$client.transaction(() => {
      for (const [name, table] of Object.entries(TABLES) as [keyof StoreContent, (typeof TABLES)[keyof StoreContent]][]) {
        const rows = content[name] as Record<string, unknown>[];
        for (let start = 0; start < rows.length; start += CHUNK) {
          // drizzle's insert is typed per table; the content is typed per table by StoreContent.
          store.insert(table as typeof schema.results).values(rows.slice(start, start + CHUNK) as never).run();
        }
      }
    })();
    store.$client.close();
    fs.renameSync(temporary, target);
  } catch (error) {
    if (store.$client.open) store.$client.close();
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
