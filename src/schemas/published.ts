import { z } from "zod";
import { CsvNumberSchema, CsvTextSchema } from "./csv-cells.ts";

/** data/benchmarks/<id>/published/source.json: where published figures come from. */
export const PublishedSourceSchema = z.strictObject({
  provenance: z.literal("published"),
  citation: z.string().min(1),
  url: z.url(),
  files: z.record(z.string(), z.string()),
  notes: z.string().optional(),
});

/** Attribution of a benchmark's published figures. */
export type PublishedSource = z.infer<typeof PublishedSourceSchema>;

/** One row of published/t2v-models.csv (AIGVE-60K's model-level human figures). */
export const PublishedT2vRowSchema = z.strictObject({
  model: CsvTextSchema,
  access: z.enum(["open", "closed"]),
  url: z.url(),
  perception_mos: CsvNumberSchema.pipe(z.number().min(0).max(100)),
  correspondence_mos: CsvNumberSchema.pipe(z.number().min(0).max(100)),
  task_accuracy_pct: CsvNumberSchema.pipe(z.number().min(0).max(100)),
});

/** A published T2V row. */
export type PublishedT2vRow = z.infer<typeof PublishedT2vRowSchema>;

const correlation = CsvNumberSchema.pipe(z.number().min(-1).max(1));

/** One row of published/v2t-methods.csv (agreement of a V2T method with the human annotations). */
export const PublishedV2tRowSchema = z.strictObject({
  method: CsvTextSchema,
  kind: z.enum([
    "open-lmm",
    "proprietary-lmm",
    "lmm-metric",
    "deep-vqa",
    "handcrafted-iqa",
    "alignment-or-preference-metric",
    "vbench-dimension",
  ]),
  instance_perception_srcc: correlation,
  instance_correspondence_srcc: correlation,
  instance_qa_accuracy_pct: CsvNumberSchema.pipe(z.number().min(0).max(100)),
  model_perception_srcc: correlation,
  model_correspondence_srcc: correlation,
  model_qa_score: correlation,
});

/** A published V2T row. */
export type PublishedV2tRow = z.infer<typeof PublishedV2tRowSchema>;
