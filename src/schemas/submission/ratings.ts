import { z } from "zod";

/** The exact header of ratings.csv. */
export const RATINGS_HEADER = ["video", "perspective", "rater", "score"] as const;

/** A rater id: a pseudonym of letters, digits, `_`, `.` and `-` (no names, no spreadsheet formulas). */
export const RaterIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "must be a pseudonym: a letter or digit, then letters, digits, _, . or -")
  .max(64, "must be at most 64 characters");

/**
 * One row of ratings.csv: one human rater's 1–5 score of one video from one perspective. The video is the
 * new model's video for a benchmark prompt (given by the prompt id) or one of the benchmark's anchor
 * videos (given by its video id, e.g. "cogvideo/17").
 */
export const RatingRowSchema = z.strictObject({
  video: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.\/-]*$/, "expected a prompt id or an anchor video id of the benchmark")
    .max(200)
    .describe("A benchmark prompt id (the new model's video for that prompt) or an anchor video id"),
  perspective: z.string().trim().regex(/^[a-z][a-z0-9_]*$/, "expected a perspective id (snake_case)").max(50),
  rater: RaterIdSchema.describe("A pseudonymous rater id, the same for all of one person's ratings"),
  score: z.string().trim().regex(/^[1-5]$/, "expected an integer from 1 to 5").transform(Number),
});

/** A validated ratings row. */
export type RatingRow = z.infer<typeof RatingRowSchema>;
