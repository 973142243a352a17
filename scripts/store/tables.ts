/** The store's tables, in the order rows are inserted: parents before children, for the foreign keys. */
import * as schema from "../../db/schema.ts";
import type { StoreContent } from "./store-content.ts";

/** A store table's name in the content (`StoreContent`'s keys). */
export type TableName = keyof StoreContent;

/** Table objects in insertion order (parents before children, for the foreign keys). */
export const TABLES: { readonly [K in TableName]: (typeof schema)[keyof typeof schema] } = {
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

/** A store table's drizzle object. */
export type StoreTable = (typeof TABLES)[TableName];

/** Every table's name, in insertion order. */
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
