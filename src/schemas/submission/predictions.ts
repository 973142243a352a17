import { z } from "zod";
import { MAX_ABS_SCORE } from "./limits.ts";

/** A perspective id as the benchmark defines it, e.g. "alignment". */
export const PerspectiveKeySchema = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a perspective id (snake_case)").max(50);

/** One score: finite (JSON has no NaN or Infinity) and of a sane magnitude. */
export const ScoreValueSchema = z
  .number("expected a number")
  .min(-MAX_ABS_SCORE, `must be at least -${MAX_ABS_SCORE}`)
  .max(MAX_ABS_SCORE, `must be at most ${MAX_ABS_SCORE}`);

/** Scores by perspective id. */
export const ScoresSchema = z.record(PerspectiveKeySchema, ScoreValueSchema);

/** One line of predictions.jsonl: a V2T method's output for one video of the benchmark. */
export const PredictionLineSchema = z.strictObject({
  video: z.string().min(1).max(200).describe("A video id as the benchmark names it, e.g. \"gen2/17\""),
  scores: ScoresSchema.describe("A score for every MOS perspective of the benchmark; higher means better"),
  answer: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe("The answer to the video's yes/no question (benchmarks with a qa perspective only): yes, no or free text"),
});

/** A validated predictions line. */
export type PredictionLine = z.infer<typeof PredictionLineSchema>;
