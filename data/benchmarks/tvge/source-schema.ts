/** The raw TVGE files as distributed in github.com/linzhiqiu/t2v_metrics (datasets/): human scores and metric scores. */
import { z } from "zod";
import { CsvNumberSchema } from "../../../src/schemas/csv-cells.ts";

/** The five generators of TVGE, spelled as in the files. */
export const TvgeModelSchema = z.enum(["floor33", "gen2", "modelscope", "pika", "zeroscope"]);

/** A TVGE generator name. */
export type TvgeModel = z.infer<typeof TvgeModelSchema>;

/** A prompt index as a JSON key or CSV cell: "0", "17", … */
export const TvgeIndexSchema = z.string().regex(/^(0|[1-9][0-9]*)$/, "expected a prompt index (0, 1, 2, …)");

/** One prompt of t2vscore_{alignment,quality}_score.json: its text and each model's one averaged 1–5 score. */
export const TvgePromptScoresSchema = z.strictObject({
  prompt: z.string().trim().min(1),
  // Not every model has a video for every prompt (gen2 lacks some), hence a partial record.
  models: z.partialRecord(TvgeModelSchema, z.tuple([z.number().min(1).max(5)])),
});

/** One prompt's human scores. */
export type TvgePromptScores = z.infer<typeof TvgePromptScoresSchema>;

/** t2vscore_alignment_score.json or t2vscore_quality_score.json, keyed by prompt index. */
export const TvgeScoresFileSchema = z.record(TvgeIndexSchema, TvgePromptScoresSchema);

/** A TVGE human-score file. */
export type TvgeScoresFile = z.infer<typeof TvgeScoresFileSchema>;

/** The metric columns of t2vscore_results.csv, in file order. */
export const TVGE_METRICS = ["CLIP Score", "X-CLIP Score", "BLIP-BLEU", "T2VScore-A (GPT-4V)"] as const;

/** One row of t2vscore_results.csv: one video (model × prompt index) and four automatic metric scores. */
export const TvgeMetricRowSchema = z.strictObject({
  model_name: TvgeModelSchema,
  video_id: TvgeIndexSchema,
  // Must equal the prompt of the same index in the JSON files (both trimmed).
  prompt: z.string().trim().min(1),
  "CLIP Score": CsvNumberSchema,
  "X-CLIP Score": CsvNumberSchema,
  "BLIP-BLEU": CsvNumberSchema,
  "T2VScore-A (GPT-4V)": CsvNumberSchema,
});

/** A row of t2vscore_results.csv. */
export type TvgeMetricRow = z.infer<typeof TvgeMetricRowSchema>;
