/** Everything a rebuild writes, table by table, held in memory until one transaction stores it. */
import type * as schema from "../../db/schema.ts";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

/** Rows for every table of the store. */
export interface StoreContent {
  benchmarks: Row<typeof schema.benchmarks>[];
  perspectives: Row<typeof schema.perspectives>[];
  dimensions: Row<typeof schema.dimensions>[];
  boardColumns: Row<typeof schema.boardColumns>[];
  prompts: Row<typeof schema.prompts>[];
  promptDimensions: Row<typeof schema.promptDimensions>[];
  submissions: Row<typeof schema.submissions>[];
  t2vEntries: Row<typeof schema.t2vEntries>[];
  v2tEntries: Row<typeof schema.v2tEntries>[];
  videos: Row<typeof schema.videos>[];
  ratings: Row<typeof schema.ratings>[];
  groundTruth: Row<typeof schema.groundTruth>[];
  predictions: Row<typeof schema.predictions>[];
  results: Row<typeof schema.results>[];
  rankings: Row<typeof schema.rankings>[];
  columnRanks: Row<typeof schema.columnRanks>[];
}

/** A store with no rows. */
export function emptyContent(): StoreContent {
  return {
    benchmarks: [],
    perspectives: [],
    dimensions: [],
    boardColumns: [],
    prompts: [],
    promptDimensions: [],
    submissions: [],
    t2vEntries: [],
    v2tEntries: [],
    videos: [],
    ratings: [],
    groundTruth: [],
    predictions: [],
    results: [],
    rankings: [],
    columnRanks: [],
  };
}

/** The result rows type, for importers that compute results. */
export type ResultRow = Row<typeof schema.results>;
