/** Everything a store holds, table by table, in memory: what a rebuild produces and a submission extends. */
import type * as schema from "../../db/schema.ts";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

/** Rows for every table of the store. */
export interface StoreContent {
  meta: Row<typeof schema.meta>[];
  benchmarks: Row<typeof schema.benchmarks>[];
  perspectives: Row<typeof schema.perspectives>[];
  dimensions: Row<typeof schema.dimensions>[];
  boardColumns: Row<typeof schema.boardColumns>[];
  prompts: Row<typeof schema.prompts>[];
  promptDimensions: Row<typeof schema.promptDimensions>[];
  submissions: Row<typeof schema.submissions>[];
  t2vEntries: Row<typeof schema.t2vEntries>[];
  v2tEntries: Row<typeof schema.v2tEntries>[];
  entryProvenance: Row<typeof schema.entryProvenance>[];
  trainingData: Row<typeof schema.trainingData>[];
  generationCards: Row<typeof schema.generationCards>[];
  videos: Row<typeof schema.videos>[];
  ratings: Row<typeof schema.ratings>[];
  groundTruth: Row<typeof schema.groundTruth>[];
  anchors: Row<typeof schema.anchors>[];
  predictions: Row<typeof schema.predictions>[];
  results: Row<typeof schema.results>[];
  draws: Row<typeof schema.draws>[];
  rankings: Row<typeof schema.rankings>[];
  columnRanks: Row<typeof schema.columnRanks>[];
  calibrations: Row<typeof schema.calibrations>[];
  calibrationChecks: Row<typeof schema.calibrationChecks>[];
  anchorFits: Row<typeof schema.anchorFits>[];
  anchorAgreements: Row<typeof schema.anchorAgreements>[];
  anchorChecks: Row<typeof schema.anchorChecks>[];
  anchorFlags: Row<typeof schema.anchorFlags>[];
  publishedChecks: Row<typeof schema.publishedChecks>[];
  audit: Row<typeof schema.audit>[];
  agreementCeilings: Row<typeof schema.agreementCeilings>[];
  verifications: Row<typeof schema.verifications>[];
  withdrawals: Row<typeof schema.withdrawals>[];
}

/** A store with no rows. */
export function emptyContent(): StoreContent {
  return {
    meta: [],
    benchmarks: [],
    perspectives: [],
    dimensions: [],
    boardColumns: [],
    prompts: [],
    promptDimensions: [],
    submissions: [],
    t2vEntries: [],
    v2tEntries: [],
    entryProvenance: [],
    trainingData: [],
    generationCards: [],
    videos: [],
    ratings: [],
    groundTruth: [],
    anchors: [],
    predictions: [],
    results: [],
    draws: [],
    rankings: [],
    columnRanks: [],
    calibrations: [],
    calibrationChecks: [],
    anchorFits: [],
    anchorAgreements: [],
    anchorChecks: [],
    anchorFlags: [],
    publishedChecks: [],
    audit: [],
    agreementCeilings: [],
    verifications: [],
    withdrawals: [],
  };
}

/** The result rows type, for importers that compute results. */
export type ResultRow = Row<typeof schema.results>;

/** The draws rows type. */
export type DrawRow = Row<typeof schema.draws>;

/** The entry provenance rows type. */
export type ProvenanceRow = Row<typeof schema.entryProvenance>;
