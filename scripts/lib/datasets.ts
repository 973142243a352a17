/**
 * Where the external human-annotation datasets are, and which importer reads each.
 * They are never copied into data/: rebuild reads them in place and skips, with a pointer, when absent.
 */
import fs from "node:fs";
import path from "node:path";
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import { importFetv } from "./import-fetv.ts";
import { importTvge } from "./import-tvge.ts";
import type { StoreContent } from "./store-content.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** An external dataset: its folder under the datasets root, a file that proves it is there, where to get it. */
interface DatasetSource {
  readonly name: string;
  readonly what: string;
  readonly folder: string;
  readonly marker: string;
  readonly origin: string;
  readonly importer: (content: StoreContent, benchmark: Benchmark, datasetDir: string) => void;
}

/** External datasets by the id of the benchmark they feed. */
const SOURCES: Record<string, DatasetSource> = {
  fetv: {
    name: "FETV",
    what: "raw annotations",
    folder: "fetv-eval",
    marker: "datas/fetv_data.json",
    origin: "https://github.com/llyx97/FETV-EVAL",
    importer: importFetv,
  },
  tvge: {
    name: "TVGE",
    what: "human scores",
    folder: "tvge",
    marker: "t2vscore_quality_score.json",
    origin: "the datasets/ folder of https://github.com/linzhiqiu/t2v_metrics",
    importer: importTvge,
  },
};

/** One automatic metric's per-video scores from an external dataset, keyed by our video ids. */
export interface MetricScores {
  readonly metric: string;
  readonly scores: Map<string, number>;
}

/** The datasets root: $AIGVE_DATASETS, else the caller's path (rebuild's --datasets), else <repo>/../shared/datasets. */
export function datasetsRoot(given?: string): string {
  const fromEnv = process.env.AIGVE_DATASETS;
  if (fromEnv !== undefined && fromEnv !== "") return path.resolve(fromEnv);
  if (given !== undefined && given !== "") return path.resolve(given);
  return path.resolve(REPO_ROOT, "..", "shared", "datasets");
}

/** A dataset's folder when its files are there, else null with a message saying where to get them. */
export type DatasetLocation = { dir: string; message: null } | { dir: null; message: string };

/** Finds the folder of the dataset feeding a benchmark; null (and why) when it is absent or unknown. */
export function locateDataset(benchmarkId: string, root: string): DatasetLocation {
  const source = SOURCES[benchmarkId];
  if (source === undefined) return { dir: null, message: `No external dataset is known for "${benchmarkId}".` };
  const dir = path.join(root, source.folder);
  if (fs.existsSync(path.join(dir, source.marker))) return { dir, message: null };
  return {
    dir: null,
    message:
      `${source.name} ${source.what} not found at ${dir}; get them from ${source.origin} ` +
      `(set AIGVE_DATASETS to the folder holding ${source.folder}/). Skipping ${source.name}.`,
  };
}

/**
 * Imports the external dataset of a benchmark, if it has one; when the files are absent it warns and adds
 * nothing, so the benchmark stays defined with no entries.
 */
export function importExternalDataset(content: StoreContent, benchmark: Benchmark, root: string): void {
  const source = SOURCES[benchmark.id];
  if (source === undefined) return;
  const location = locateDataset(benchmark.id, root);
  if (location.dir === null) {
    console.warn(location.message);
    return;
  }
  source.importer(content, benchmark, location.dir);
}
