/**
 * The benchmark package format (version 1): per-video annotation any benchmark can ship, and what every
 * adapter turns its source's raw files into. On disk a package is a folder of JSON-lines files, one line per
 * record, each line checked against the schema below (published at /schemas/package-<name>.json):
 *
 *   format.json              {"format": "aigve-leaderboard-package", "version": 1}
 *   models.jsonl             the T2V models (and real reference video sources)
 *   prompts.jsonl            prompts and the task dimensions each belongs to
 *   dimensions.jsonl         optional: dimension labels the benchmark definition does not give
 *   videos.jsonl             one line per video: its prompt, model, split and where to get it
 *   ground-truth.jsonl       per video and perspective: raw ratings by rater, or a MOS with SD and count
 *   questions.jsonl          optional: a yes/no question per video with the humans' answer
 *   metrics.jsonl            optional: automatic metrics whose per-video scores the source distributes
 *   metric-scores.jsonl      optional: those scores, one line per metric and video
 */
import { z } from "zod";
import { IdSchema } from "./ids.ts";
import { V2tKindSchema } from "./submission/manifest.ts";

/** The format's name and the version this code reads. */
export const PACKAGE_FORMAT = { format: "aigve-leaderboard-package", version: 1 } as const;

/** The file names of a package folder, by record kind. */
export const PACKAGE_FILES = {
  format: "format.json",
  models: "models.jsonl",
  prompts: "prompts.jsonl",
  dimensions: "dimensions.jsonl",
  videos: "videos.jsonl",
  groundTruth: "ground-truth.jsonl",
  questions: "questions.jsonl",
  metrics: "metrics.jsonl",
  metricScores: "metric-scores.jsonl",
} as const;

// Ids of prompts and videos come from the sources ("cogvideo/12", "Allegro/10001"): any printable text.
const SourceIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s\u0000-\u001f"<>\\]+$/, "must be printable text without spaces, quotes, angle brackets or backslashes");

const text = (max: number) => z.string().trim().min(1).max(max);

/** format.json: which format and version the folder holds. */
export const PackageFormatSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT.format),
  version: z.literal(PACKAGE_FORMAT.version),
});

/** A package's format declaration. */
export type PackageFormat = z.infer<typeof PackageFormatSchema>;

/** One line of models.jsonl: a T2V model, or the source of real reference videos (`reference: true`). */
export const PackageModelSchema = z.strictObject({
  id: IdSchema,
  name: text(100),
  organization: text(100).nullable().default(null),
  url: z.url({ protocol: /^https?$/ }).nullable().default(null),
  access: z.enum(["open", "closed"]).nullable().default(null),
  reference: z.boolean().default(false),
});

/** A package's T2V model. */
export type PackageModel = z.infer<typeof PackageModelSchema>;

/** One line of dimensions.jsonl: a task dimension's label where the benchmark definition has none. */
export const PackageDimensionSchema = z.strictObject({
  id: IdSchema.refine((id) => id !== "overall", "`overall` is reserved"),
  label: text(100),
  group: text(100).optional(),
  description: text(1000).optional(),
});

/** A package's dimension. */
export type PackageDimension = z.infer<typeof PackageDimensionSchema>;

/** One line of prompts.jsonl: a prompt, its text and the task dimensions it belongs to (possibly none). */
export const PackagePromptSchema = z.strictObject({
  id: SourceIdSchema,
  text: z.string().min(1).max(5000),
  dimensions: z.array(IdSchema).default([]),
});

/** A package's prompt. */
export type PackagePrompt = z.infer<typeof PackagePromptSchema>;

/** One line of videos.jsonl: a video of one model for one prompt, its split and where to get its file. */
export const PackageVideoSchema = z.strictObject({
  id: SourceIdSchema,
  prompt: SourceIdSchema,
  model: IdSchema,
  /** The source's split the video belongs to ("train", "test"), when it has one. */
  split: z.string().regex(/^[a-z][a-z0-9_-]*$/).nullable().default(null),
  /** Where to get the video file (a URL, or an archive and the file in it). */
  source: z.string().min(1).max(500).nullable().default(null),
});

/** A package's video. */
export type PackageVideo = z.infer<typeof PackageVideoSchema>;

/** Raw ratings of one video in one perspective, by rater id: the benchmark's protocol makes the human score. */
const RatedTruthSchema = z.strictObject({
  video: SourceIdSchema,
  perspective: z.string().regex(/^[a-z][a-z0-9_]*$/),
  ratings: z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/), z.number().finite()).refine((r) => Object.keys(r).length > 0, "needs at least one rating"),
});

/** A score the source already made by its own procedure (a MOS), with its SD and rating count where known. */
const ScoredTruthSchema = z.strictObject({
  video: SourceIdSchema,
  perspective: z.string().regex(/^[a-z][a-z0-9_]*$/),
  mos: z.number().finite(),
  sd: z.number().finite().nonnegative().nullable().default(null),
  count: z.int().positive().nullable().default(null),
});

/** One line of ground-truth.jsonl: raw ratings or a finished score, per video and MOS perspective. */
export const PackageGroundTruthSchema = z.union([RatedTruthSchema, ScoredTruthSchema]);

/** A package's ground truth line. */
export type PackageGroundTruth = z.infer<typeof PackageGroundTruthSchema>;

/** One line of questions.jsonl: the yes/no question asked of a video and the humans' answer. */
export const PackageQuestionSchema = z.strictObject({
  video: SourceIdSchema,
  question: z.string().min(1).max(2000).nullable().default(null),
  answer: z.enum(["yes", "no"]),
});

/** A package's question. */
export type PackageQuestion = z.infer<typeof PackageQuestionSchema>;

/** One line of metrics.jsonl: an automatic metric whose scores the source distributes; its name is its paper's. */
export const PackageMetricSchema = z.strictObject({
  id: IdSchema,
  name: text(100),
  organization: text(100),
  url: z.url({ protocol: /^https?$/ }),
  license: text(100),
  kind: V2tKindSchema,
  /** Where in the source the scores come from (shown as the submission's source). */
  source: text(500),
});

/** A package's metric. */
export type PackageMetric = z.infer<typeof PackageMetricSchema>;

/** One line of metric-scores.jsonl: one metric's score of one video. */
export const PackageMetricScoreSchema = z.strictObject({
  metric: IdSchema,
  video: SourceIdSchema,
  score: z.number().finite(),
});

/** A package's metric score. */
export type PackageMetricScore = z.infer<typeof PackageMetricScoreSchema>;
