/** The JSON Schemas published at /schemas/<name>.json, by name: submission bundle files and benchmark package files. */
import type { z } from "zod";
import {
  PackageDimensionSchema,
  PackageFormatSchema,
  PackageGroundTruthSchema,
  PackageMetricSchema,
  PackageMetricScoreSchema,
  PackageModelSchema,
  PackagePromptSchema,
  PackageQuestionSchema,
  PackageVideoSchema,
  PACKAGE_FILES,
  PACKAGE_FORMAT,
} from "./package.ts";
import { ManifestSchema } from "./submission/manifest.ts";
import { PredictionLineSchema } from "./submission/predictions.ts";
import { RatingRowSchema } from "./submission/ratings.ts";
import { ScoreLineSchema } from "./submission/scores.ts";

/** One published schema: its URL name, what it is for, the file it describes, and the zod schema. */
export interface PublishedSchema {
  readonly name: string;
  /** `submission`: a file of a submission bundle; `package`: a file of a benchmark package. */
  readonly group: "submission" | "package";
  readonly file: string;
  readonly title: string;
  readonly schema: z.ZodType;
}

const packageSchema = (name: string, file: string, title: string, schema: z.ZodType): PublishedSchema => ({ name: `package-${name}`, group: "package", file, title, schema });

/** Every published schema, submission files first in the order the guide lists them, then the package files. */
export const PUBLISHED_SCHEMAS: readonly PublishedSchema[] = [
  { name: "submission-manifest", group: "submission", file: "manifest.json", title: "Submission manifest", schema: ManifestSchema },
  { name: "prediction-line", group: "submission", file: "predictions.jsonl", title: "One line of predictions.jsonl (V2T)", schema: PredictionLineSchema },
  { name: "rating-row", group: "submission", file: "ratings.csv", title: "One row of ratings.csv (T2V, human ratings; CSV cells are strings)", schema: RatingRowSchema },
  { name: "score-line", group: "submission", file: "scores.jsonl", title: "One line of scores.jsonl (T2V, automatic evaluator)", schema: ScoreLineSchema },
  packageSchema("format", PACKAGE_FILES.format, `Format and version of a benchmark package (${PACKAGE_FORMAT.format}, version ${PACKAGE_FORMAT.version})`, PackageFormatSchema),
  packageSchema("model", PACKAGE_FILES.models, "One line of models.jsonl: a T2V model or a source of real reference videos", PackageModelSchema),
  packageSchema("prompt", PACKAGE_FILES.prompts, "One line of prompts.jsonl: a prompt and its task dimensions", PackagePromptSchema),
  packageSchema("dimension", PACKAGE_FILES.dimensions, "One line of dimensions.jsonl (optional): a task dimension's label", PackageDimensionSchema),
  packageSchema("video", PACKAGE_FILES.videos, "One line of videos.jsonl: a video, its prompt, model, split and source", PackageVideoSchema),
  packageSchema("ground-truth", PACKAGE_FILES.groundTruth, "One line of ground-truth.jsonl: raw ratings by rater, or a MOS with SD and count", PackageGroundTruthSchema),
  packageSchema("question", PACKAGE_FILES.questions, "One line of questions.jsonl (optional): a yes/no question and the humans' answer", PackageQuestionSchema),
  packageSchema("metric", PACKAGE_FILES.metrics, "One line of metrics.jsonl (optional): an automatic metric the source distributes scores of", PackageMetricSchema),
  packageSchema("metric-score", PACKAGE_FILES.metricScores, "One line of metric-scores.jsonl (optional): one metric's score of one video", PackageMetricScoreSchema),
];
