/**
 * The one builder of V2T training-data rows: from a submission's declared `trainingData`, or from the benchmark
 * folder's training-data.json (what the papers of published and distributed methods say, with a source). A method
 * the file does not list is recorded as "not stated" rather than guessed.
 */
import fs from "node:fs";
import path from "node:path";
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import { namesBenchmark, TrainingDataFileSchema, type TrainingDataset, type TrainingRecord } from "../../src/schemas/training-data.ts";
import { throwIfProblems } from "../io/input-error.ts";
import { displayPath, readJsonFile } from "../io/read-data.ts";
import type { StoreContent } from "../store/store-content.ts";

const FILE = "training-data.json";

/** The recorded methods of a benchmark folder by name; empty when it has no training-data.json. */
export function readTrainingRecords(benchmarkDir: string): Map<string, TrainingRecord> {
  const file = path.join(benchmarkDir, FILE);
  if (!fs.existsSync(file)) return new Map();
  const { methods } = readJsonFile(file, TrainingDataFileSchema);
  const byName = new Map<string, TrainingRecord>();
  throwIfProblems(
    methods.flatMap((record, i) => {
      const clash = byName.has(record.method);
      byName.set(record.method, record);
      return clash ? [{ file: displayPath(file), field: `methods.${i}.method`, message: `"${record.method}" is listed twice` }] : [];
    }),
  );
  return byName;
}

/** A submitted method's row: what its manifest declares; trained on this benchmark when a dataset names it. */
export function addDeclaredTraining(content: StoreContent, benchmark: { id: string; title: string }, entryId: string, datasets: readonly TrainingDataset[], source: string): void {
  content.trainingData.push({
    benchmarkId: benchmark.id,
    entryId,
    trainedOnBenchmark: namesBenchmark(datasets, benchmark) ? "yes" : "no",
    datasetsJson: JSON.stringify(datasets),
    source,
    note: null,
  });
}

/**
 * Rows for the V2T entries of a benchmark that have none yet (published methods, the dataset's metrics): from
 * their record in training-data.json, or "not stated". When the benchmark has V2T entries, a record naming none of
 * them (a misspelt name would otherwise be dropped unseen) is a problem; without any (a dataset absent), none is checked.
 */
export function addRecordedTraining(content: StoreContent, benchmark: Benchmark, benchmarkDir: string): void {
  const records = readTrainingRecords(benchmarkDir);
  const entries = content.v2tEntries.filter((e) => e.benchmarkId === benchmark.id);
  if (entries.length > 0) {
    const names = new Set(entries.map((e) => e.name));
    const file = displayPath(path.join(benchmarkDir, FILE));
    throwIfProblems([...records.keys()].flatMap((name, i) => (names.has(name) ? [] : [{ file, field: `methods.${i}.method`, message: `"${name}" is not a V2T entry of ${benchmark.id}` }])));
  }
  const done = new Set(content.trainingData.filter((t) => t.benchmarkId === benchmark.id).map((t) => t.entryId));
  for (const entry of entries.filter((e) => !done.has(e.id))) {
    const record = records.get(entry.name);
    content.trainingData.push({
      benchmarkId: benchmark.id,
      entryId: entry.id,
      trainedOnBenchmark: record?.trainedOnBenchmark ?? "not-stated",
      datasetsJson: record?.datasets ? JSON.stringify(record.datasets) : null,
      source: record?.source ?? null,
      note: record?.note ?? null,
    });
  }
}
