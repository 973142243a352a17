/**
 * What a V2T method was trained or tuned on: declared by a submission (manifest `trainingData`), or recorded with a
 * source for the methods a benchmark's authors published or distributed (data/benchmarks/<id>/training-data.json).
 * A method trained on the benchmark's own data (or a split of it) carries the "trained on this benchmark" mark.
 */
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** One dataset a method was trained or tuned on: its name (a benchmark's id or title for a benchmark) and split. */
export const TrainingDatasetSchema = z.strictObject({
  dataset: text(200).describe("The dataset's name; for a benchmark of this site, its id or title, e.g. \"AIGVE-60K\""),
  split: text(100).optional().describe("The split used, e.g. \"train\""),
});

/** A dataset a method was trained or tuned on. */
export type TrainingDataset = z.infer<typeof TrainingDatasetSchema>;

/** Whether a method was trained or tuned on the benchmark it is ranked on: `not-stated` when its sources do not say. */
export const TrainedOnBenchmarkSchema = z.enum(["yes", "no", "not-stated"]);

/** Whether a method was trained on the benchmark. */
export type TrainedOnBenchmark = z.infer<typeof TrainedOnBenchmarkSchema>;

/** One method of training-data.json: what its paper or code says it was trained on, with the source. */
export const TrainingRecordSchema = z.strictObject({
  method: text(100).describe("The method's name as on the board"),
  trainedOnBenchmark: TrainedOnBenchmarkSchema,
  /** The datasets its sources name; null when they do not say. */
  datasets: z.array(TrainingDatasetSchema).nullable(),
  source: z.url({ protocol: /^https?$/ }).describe("Where this is stated (paper, README, model card)"),
  note: text(1000).optional(),
});

/** A recorded method's training data. */
export type TrainingRecord = z.infer<typeof TrainingRecordSchema>;

/** data/benchmarks/<id>/training-data.json. */
export const TrainingDataFileSchema = z.strictObject({
  methods: z.array(TrainingRecordSchema),
});

/** Whether declared datasets include the benchmark itself: a dataset named by the benchmark's id or title (any case or punctuation). */
export function namesBenchmark(datasets: readonly TrainingDataset[], benchmark: { id: string; title: string }): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");
  const names = new Set([key(benchmark.id), key(benchmark.title)]);
  return datasets.some((d) => names.has(key(d.dataset)));
}
