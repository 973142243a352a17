import { z } from "zod";

/** The exact header of ratings.csv. */
export const RATINGS_HEADER = ["video", "perspective", "rater", "score"] as const;

/** One row of ratings.csv: one human rater's 1–5 score of the new model's video for one prompt. */
export const RatingRowSchema = z.strictObject({
  video: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "expected a prompt id of the benchmark").max(100).describe(
    "The benchmark prompt id the video was generated from (one video per prompt)",
  ),
  perspective: z.string().trim().regex(/^[a-z][a-z0-9_]*$/, "expected a perspective id (snake_case)").max(50),
  rater: z.string().trim().min(1, "must not be empty").max(100).describe("A pseudonymous rater id, the same for all of one person's ratings"),
  score: z.string().trim().regex(/^[1-5]$/, "expected an integer from 1 to 5").transform(Number),
});

/** A validated ratings row. */
export type RatingRow = z.infer<typeof RatingRowSchema>;
