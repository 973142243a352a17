/**
 * The one registry of benchmark packages with external datasets, and where those datasets are. They are
 * never copied into data/: the rebuild reads them in place and skips, with a pointer, when absent.
 */
import fs from "node:fs";
import path from "node:path";
import type { BenchmarkAdapter } from "./adapter.ts";
import { fetv } from "./fetv/adapter.ts";
import { tvge } from "./tvge/adapter.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** Benchmark packages by benchmark id (AIGVE-60K has published figures only, no adapter). */
export const ADAPTERS: Readonly<Record<string, BenchmarkAdapter>> = { fetv, tvge };

/** The datasets root: $AIGVE_DATASETS, else the caller's path (--datasets), else <repo>/../shared/datasets. */
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
  const source = ADAPTERS[benchmarkId]?.dataset;
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
