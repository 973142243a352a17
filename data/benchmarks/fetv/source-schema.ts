/** The raw FETV-EVAL files (github.com/llyx97/FETV-EVAL), as distributed: prompts, human ratings, metric scores. */
import { z } from "zod";

/** FETV's "major content" spatial categories, spelled as in fetv_data.json. */
export const FetvSpatialContentSchema = z.enum([
  "people",
  "animals",
  "plants",
  "artifacts",
  "vehicles",
  "buildings & infrastructure",
  "food & beverage",
  "scenery & natural objects",
  "illustrations",
]);

/** FETV's "major content" temporal categories. */
export const FetvTemporalContentSchema = z.enum(["actions", "kinetic motions", "fluid motions", "light change"]);

/** FETV's "attribute control" spatial categories. */
export const FetvSpatialAttributeSchema = z.enum(["color", "quantity", "camera view"]);

/** FETV's "attribute control" temporal categories. */
export const FetvTemporalAttributeSchema = z.enum(["speed", "motion direction", "event order"]);

/** FETV's prompt complexity levels. */
export const FetvComplexitySchema = z.enum(["simple", "medium", "complex"]);

/** One line of datas/fetv_data.json: a prompt and its categories; its 0-based line number is its index. */
export const FetvPromptSchema = z.strictObject({
  // null for the "unusual" prompts written by the authors, which have no real reference video.
  video_id: z.string().min(1).nullable(),
  prompt: z.string().trim().min(1),
  "major content": z.strictObject({
    spatial: z.array(FetvSpatialContentSchema),
    temporal: z.array(FetvTemporalContentSchema),
  }),
  // null and [] both occur for "no attribute asked for".
  "attribute control": z.strictObject({
    spatial: z.array(FetvSpatialAttributeSchema).nullable(),
    temporal: z.array(FetvTemporalAttributeSchema).nullable(),
  }),
  "prompt complexity": z.array(FetvComplexitySchema).length(1),
  source: z.string().min(1),
  video_url: z.url().optional(),
  "unusual type": z.string().min(1).optional(),
});

/** A FETV prompt line. */
export type FetvPrompt = z.infer<typeof FetvPromptSchema>;

/** A prompt index as a JSON key: "0", "17", … */
export const FetvIndexKeySchema = z.string().regex(/^(0|[1-9][0-9]*)$/, "expected a prompt index (0, 1, 2, …)");

/** One 1–5 human rating. */
export const FetvScoreSchema = z.int().min(1).max(5);

/** One rater's ratings of one video. */
export const FetvRatingSchema = z.strictObject({
  // The string "None" stands for the missing video_id of an unusual prompt.
  video_id: z.string().min(1),
  static_quality: FetvScoreSchema,
  temporal_quality: FetvScoreSchema,
  alignment: FetvScoreSchema,
  // Per-attribute alignment for attribute-control prompts; kept out of the store (no perspective for it).
  "fine-grained_alignment": z.record(z.string().min(1), FetvScoreSchema).optional(),
});

/** One rater's ratings of one video. */
export type FetvRating = z.infer<typeof FetvRatingSchema>;

/** One line of manual_eval_results/human<k>/manual_eval_results_<model>.json: `{"<prompt index>": rating}`. */
export const FetvRatingLineSchema = z
  .record(FetvIndexKeySchema, FetvRatingSchema)
  .refine((line) => Object.keys(line).length === 1, "expected exactly one prompt index per line");

/** A line of a manual evaluation file. */
export type FetvRatingLine = z.infer<typeof FetvRatingLineSchema>;

/** auto_eval_results/<metric>/auto_eval_results_<model>.json: `{"<prompt index>": score}`. */
export const FetvMetricScoresSchema = z.record(FetvIndexKeySchema, z.number());

/** A metric's scores of one model's videos. */
export type FetvMetricScores = z.infer<typeof FetvMetricScoresSchema>;
