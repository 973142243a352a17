import { z } from "zod";
import { ScoresSchema } from "./predictions.ts";

/** One line of scores.jsonl: an automatic evaluator's scores of the new model's video for one prompt. */
export const ScoreLineSchema = z.strictObject({
  video: z.string().min(1).max(100).describe("The benchmark prompt id the video was generated from (one video per prompt)"),
  scores: ScoresSchema.describe("A score for every MOS perspective of the benchmark, as the evaluator gives it"),
});

/** A validated scores line. */
export type ScoreLine = z.infer<typeof ScoreLineSchema>;
