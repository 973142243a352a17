/** The submission schemas published at /schemas/<name>.json, by name. */
import type { z } from "zod";
import { ManifestSchema } from "./manifest.ts";
import { PredictionLineSchema } from "./predictions.ts";
import { RatingRowSchema } from "./ratings.ts";
import { ScoreLineSchema } from "./scores.ts";

/** One published schema: its URL name, the file it describes, and the zod schema. */
export interface PublishedSchema {
  readonly name: string;
  readonly file: string;
  readonly title: string;
  readonly schema: z.ZodType;
}

/** Every schema a submitter can validate against, in the order the guide lists them. */
export const PUBLISHED_SCHEMAS: readonly PublishedSchema[] = [
  { name: "submission-manifest", file: "manifest.json", title: "Submission manifest", schema: ManifestSchema },
  { name: "prediction-line", file: "predictions.jsonl", title: "One line of predictions.jsonl (V2T)", schema: PredictionLineSchema },
  { name: "rating-row", file: "ratings.csv", title: "One row of ratings.csv (T2V, human ratings; CSV cells are strings)", schema: RatingRowSchema },
  { name: "score-line", file: "scores.jsonl", title: "One line of scores.jsonl (T2V, automatic evaluator)", schema: ScoreLineSchema },
];
