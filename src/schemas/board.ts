import { z } from "zod";
import { MetricSchema } from "./metrics.ts";

/** The three boards of a benchmark: generators, and interpreters at instance and model level. */
export const BoardIdSchema = z.enum(["t2v", "v2t-instance", "v2t-model"]);

/** A board id. */
export type BoardId = z.infer<typeof BoardIdSchema>;

/** Which results a board ranks: T2V models, or V2T methods at instance or model level. */
export const BOARD_SCOPE: Readonly<Record<BoardId, { direction: "t2v" | "v2t"; level: "instance" | "model" }>> = {
  t2v: { direction: "t2v", level: "model" },
  "v2t-instance": { direction: "v2t", level: "instance" },
  "v2t-model": { direction: "v2t", level: "model" },
};

/** The boards an entry of a direction appears on, in page order (the writer and the site list them alike). */
export function boardsOf(direction: "t2v" | "v2t"): BoardId[] {
  return (Object.keys(BOARD_SCOPE) as BoardId[]).filter((board) => BOARD_SCOPE[board].direction === direction);
}

/** One ranked column of a board: a perspective and a metric; its key is `<perspective>_<metric>`. */
export const BoardColumnSchema = z.strictObject({
  perspective: z.string().min(1),
  metric: MetricSchema,
  label: z.string().min(1),
  higherIsBetter: z.boolean().default(true),
  /** Unranked columns are shown and downloaded but do not enter the rank sum. */
  ranked: z.boolean().default(true),
  note: z.string().optional(),
});

/** A ranked column definition. */
export type BoardColumn = z.infer<typeof BoardColumnSchema>;

/** The key that names a column in the store, in URLs and in CSV headers. */
export function columnKey(column: { perspective: string; metric: string }): string {
  return `${column.perspective}_${column.metric}`;
}

/**
 * The reserved column key of the `draws` rows that hold an entry's rank sum on each resample of a board's overall
 * scope (written by the ranking step, read by the compare view). Column keys are `<perspective>_<metric>`, so a key
 * without an underscore never names a column.
 */
export const RANK_SUM_DRAWS_KEY = "rank-sum";
