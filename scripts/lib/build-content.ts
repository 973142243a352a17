/** Reads data/ (and external datasets when present) into the store's rows; no database involved. */
import fs from "node:fs";
import path from "node:path";
import { BenchmarkSchema } from "../../src/schemas/benchmark.ts";
import { addBenchmarkDefinition } from "./benchmark-rows.ts";
import { datasetsRoot, importExternalDataset } from "./datasets.ts";
import { importPublished } from "./import-published.ts";
import { InputError } from "./input-error.ts";
import { rankAllBoards } from "./rank-boards.ts";
import { applyRankUncertainty, scoreBenchmarks, type ScoringOptions } from "./scoring/score-benchmarks.ts";
import { displayPath, readJsonFile } from "./read-data.ts";
import { emptyContent, type StoreContent } from "./store-content.ts";
import { importSubmissions } from "./submissions/import-submissions.ts";

/** Options of a rebuild: where data/ is, and the external datasets (see datasets.ts for the default). */
export interface BuildOptions extends ScoringOptions {
  readonly dataDir: string;
  readonly datasetsDir?: string;
  /** Bundles to check and score beside data/submissions/ (submit's validation and --dry-run); never stored. */
  readonly extraBundles?: readonly string[];
  /** False to only read and check the inputs, without results or rankings (submit's check step). */
  readonly score?: boolean;
}

/** Benchmark folders in a stable order (the order in which the site lists them). */
function benchmarkDirs(dataDir: string): string[] {
  const root = path.join(dataDir, "benchmarks");
  const order = path.join(root, "order.json");
  const all = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  if (!fs.existsSync(order)) return all.map((name) => path.join(root, name));
  const listed = JSON.parse(fs.readFileSync(order, "utf8")) as string[];
  return [...listed, ...all.filter((name) => !listed.includes(name))].map((name) => path.join(root, name));
}

/** Builds the complete content of the store from data/. */
export function buildContent(options: BuildOptions): StoreContent {
  const content = emptyContent();
  benchmarkDirs(options.dataDir).forEach((dir, position) => {
    const file = path.join(dir, "benchmark.json");
    const benchmark = readJsonFile(file, BenchmarkSchema);
    if (benchmark.id !== path.basename(dir)) {
      throw new InputError([
        { file: displayPath(file), field: "id", message: `is "${benchmark.id}" but the folder is "${path.basename(dir)}"` },
      ]);
    }
    addBenchmarkDefinition(content, benchmark, position);
    importPublished(content, benchmark.id, dir);
    importExternalDataset(content, benchmark, datasetsRoot(options.datasetsDir));
  });
  importSubmissions(content, { dataDir: options.dataDir, datasetsDir: options.datasetsDir, extraBundles: options.extraBundles });
  if (options.score === false) return content;
  const uncertainty = scoreBenchmarks(content, options);
  rankAllBoards(content);
  applyRankUncertainty(content, uncertainty);
  return content;
}
