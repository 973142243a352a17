/**
 * data/benchmarks/<id>/published/: figures a benchmark's authors published, in one format for every benchmark.
 * t2v-models.csv has `model,access,url` then one column per T2V board column, headed by its key
 * (`<perspective>_<metric>`); v2t-methods.csv has `method,kind` then `instance_<key>` and `model_<key>` columns
 * of the V2T boards. Which figure columns a file may have follows from benchmark.json's boards.
 */
import { z } from "zod";
import { CsvNumberSchema, CsvTextSchema } from "./csv-cells.ts";
import { metricDefinition } from "./metrics.ts";
import { V2tKindSchema } from "./submission/manifest.ts";

/** published/source.json: where published figures come from. */
export const PublishedSourceSchema = z.strictObject({
  provenance: z.literal("published"),
  citation: z.string().min(1),
  url: z.url(),
  files: z.record(z.string(), z.string()),
  notes: z.string().optional(),
});

/** Attribution of a benchmark's published figures. */
export type PublishedSource = z.infer<typeof PublishedSourceSchema>;

/** The leading columns of published/t2v-models.csv: who the model is. */
export const PublishedT2vEntrySchema = z.strictObject({
  model: CsvTextSchema,
  access: z.enum(["open", "closed"]),
  url: z.url(),
});

/** A published T2V model. */
export type PublishedT2vEntry = z.infer<typeof PublishedT2vEntrySchema>;

/** The leading columns of published/v2t-methods.csv: the method and this project's grouping of it. */
export const PublishedV2tEntrySchema = z.strictObject({
  method: CsvTextSchema,
  kind: V2tKindSchema,
});

/** A published V2T method. */
export type PublishedV2tEntry = z.infer<typeof PublishedV2tEntrySchema>;

/** One published figure cell of a metric: a number within the metric's range. */
export function publishedFigureSchema(metric: string): z.ZodType<number> {
  const { kind } = metricDefinition(metric);
  if (kind === "correlation" || kind === "published") return CsvNumberSchema.pipe(z.number().min(-1).max(1));
  if (kind === "accuracy") return CsvNumberSchema.pipe(z.number().min(0).max(100));
  return CsvNumberSchema.pipe(z.number().finite());
}
