/** Builds the whole store content from data/ (and the external datasets when present); no database involved. */
import fs from "node:fs";
import path from "node:path";
import { bootstrapSettings } from "../../src/engine/index.ts";
import { BenchmarkSchema, type Benchmark } from "../../src/schemas/benchmark.ts";
import { ADAPTERS, datasetsRoot, locateDataset } from "../benchmarks/registry.ts";
import { addBenchmarkDefinition } from "./benchmark-rows.ts";
import { inputsFingerprint } from "./fingerprint.ts";
import { importAnchors } from "./import-anchors.ts";
import { importAudit } from "./import-audit.ts";
import { importPublished } from "./import-published.ts";
import { InputError } from "./input-error.ts";
import { displayPath, readJsonFile } from "./read-data.ts";
import { scoreAll, type ScoringOptions } from "./scoring/score-benchmark.ts";
import { emptyContent, type StoreContent } from "./store-content.ts";
import { importSubmissions } from "./submissions/import-submissions.ts";

/** Options of a rebuild: where data/ and the external datasets are, and the bootstrap settings. */
export interface BuildOptions extends ScoringOptions {
  readonly dataDir: string;
  readonly datasetsDir?: string;
  readonly resamples?: number;
  readonly seed?: number;
}

/** The benchmark definitions under data/benchmarks/, in site order (order.json first, then by folder name). */
export function readBenchmarks(dataDir: string): { dir: string; benchmark: Benchmark }[] {
  const root = path.join(dataDir, "benchmarks");
  const order = path.join(root, "order.json");
  const all = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const listed = fs.existsSync(order) ? (JSON.parse(fs.readFileSync(order, "utf8")) as string[]) : [];
  return [...listed, ...all.filter((name) => !listed.includes(name))].map((name) => {
    const dir = path.join(root, name);
    const file = path.join(dir, "benchmark.json");
    const benchmark = readJsonFile(file, BenchmarkSchema);
    if (benchmark.id !== name) {
      throw new InputError([{ file: displayPath(file), field: "id", message: `is "${benchmark.id}" but the folder is "${name}"` }]);
    }
    return { dir, benchmark };
  });
}

/** Builds the complete content of the store from data/: definitions, datasets, submissions, every figure and rank. */
export function buildContent(options: BuildOptions): StoreContent {
  const content = emptyContent();
  const root = datasetsRoot(options.datasetsDir);
  const benchmarks = readBenchmarks(options.dataDir);
  benchmarks.forEach(({ dir, benchmark }, position) => {
    addBenchmarkDefinition(content, benchmark, position);
    importPublished(content, benchmark.id, dir);
    importAudit(content, benchmark.id, dir);
    const adapter = ADAPTERS[benchmark.id];
    if (adapter === undefined) return;
    const location = locateDataset(benchmark.id, root);
    if (location.dir === null) {
      console.warn(location.message);
      return;
    }
    adapter.importDataset(content, benchmark, location.dir);
    importAnchors(content, benchmark, dir, adapter);
  });
  importSubmissions(content, { dataDir: options.dataDir, datasetsRoot: root, benchmarks: benchmarks.map((b) => b.benchmark) });
  const settings = bootstrapSettings({ ...(options.resamples ? { resamples: options.resamples } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  content.meta.push(
    { key: "bootstrap", value: JSON.stringify(settings) },
    { key: "inputs", value: inputsFingerprint(options.dataDir, root) },
  );
  scoreAll(content, settings, options);
  return content;
}
