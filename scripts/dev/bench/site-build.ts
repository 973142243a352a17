/**
 * The site build against the number of entries: a temporary data folder whose three benchmarks each carry N
 * published T2V models and N published V2T methods (figures drawn at random within each column's range), the
 * store built from it without datasets, then `astro build` timed into a temporary folder.
 */
import { execFileSync } from "node:child_process";
import { buildSiteInto } from "../astro-build.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRandom } from "../../../src/engine/index.ts";
import { readBenchmarkDefinitions } from "../../benchmarks/registry.ts";
import { columnKey } from "../../../src/schemas/board.ts";
import { metricDefinition } from "../../../src/schemas/metrics.ts";
import { copyData } from "../copy-data.ts";

const REPO = path.resolve(import.meta.dirname, "../../..");

/** One build: entries per direction per benchmark, pages written, and seconds taken. */
export interface SiteBuild {
  readonly entries: number;
  readonly pages: number;
  readonly seconds: number;
  readonly largestEntryPageKb: number;
}

/** A random figure in a metric's range. */
export function figure(metric: string, next: () => number): string {
  const kind = metricDefinition(metric).kind;
  if (kind === "correlation" || kind === "published") return (next() * 0.9).toFixed(4);
  if (kind === "accuracy") return (40 + 60 * next()).toFixed(2);
  return (1 + 99 * next()).toFixed(2);
}

/** Which synthetic entries to write: on which benchmarks (default every one) and in which directions (default both). */
export interface EntryOptions {
  readonly benchmarks?: readonly string[];
  readonly directions?: readonly ("t2v" | "v2t")[];
  /** The datasets folder the store is built with (default none: FETV and TVGE then have no entries of their own). */
  readonly datasets?: string;
}

/**
 * Writes published/ files with `count` entries per direction into every benchmark folder of `dataDir` (or the
 * benchmarks and directions `options` name; a direction left out keeps the benchmark's own published file).
 */
export function writeEntries(dataDir: string, count: number, options: EntryOptions = {}): void {
  const random = createRandom(count);
  const next = () => random.nextFloat();
  const directions = options.directions ?? ["t2v", "v2t"];
  for (const { dir, benchmark } of readBenchmarkDefinitions(dataDir)) {
    if (options.benchmarks !== undefined && !options.benchmarks.includes(benchmark.id)) continue;
    const published = path.join(dir, "published");
    fs.mkdirSync(published, { recursive: true });
    fs.writeFileSync(path.join(published, "source.json"), JSON.stringify({ provenance: "published", citation: "Synthetic entries for the site-build bench", url: "https://example.org/bench", files: {} }));
    const t2v = benchmark.boards.t2v;
    const v2t = [...benchmark.boards["v2t-instance"].map((c) => ({ prefix: "instance_", c })), ...benchmark.boards["v2t-model"].map((c) => ({ prefix: "model_", c }))];
    const t2vLines = [["model", "access", "url", ...t2v.map(columnKey)].join(",")];
    const v2tLines = [["method", "kind", ...v2t.map(({ prefix, c }) => `${prefix}${columnKey(c)}`)].join(",")];
    for (let i = 0; i < count; i++) {
      t2vLines.push([`Bench Model ${i + 1}`, i % 2 === 0 ? "open" : "closed", `https://example.org/m${i}`, ...t2v.map((c) => figure(c.metric, next))].join(","));
      v2tLines.push([`Bench Method ${i + 1}`, "lmm-metric", ...v2t.map(({ c }) => figure(c.metric, next))].join(","));
    }
    if (directions.includes("t2v")) fs.writeFileSync(path.join(published, "t2v-models.csv"), `${t2vLines.join("\n")}\n`);
    if (directions.includes("v2t")) fs.writeFileSync(path.join(published, "v2t-methods.csv"), `${v2tLines.join("\n")}\n`);
    fs.rmSync(path.join(dir, "audit.csv"), { force: true });
  }
}

/** A synthetic site: its temporary folder (remove it when done), its store and its built dist/. */
export interface SyntheticSite {
  readonly root: string;
  readonly store: string;
  readonly dist: string;
}

/**
 * Copies data/benchmarks into a temporary folder with `count` synthetic published entries (see writeEntries), builds
 * the store from it without datasets and returns it; `build` also runs `astro build` into `<root>/dist`.
 */
export function makeSyntheticSite(count: number, options: EntryOptions = {}, build = true): SyntheticSite {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-site-bench-"));
  try {
    const data = path.join(root, "data");
    copyData(path.join(REPO, "data", "benchmarks"), path.join(data, "benchmarks"));
    writeEntries(data, count, options);
    const store = path.join(root, "store.sqlite");
    execFileSync(process.execPath, ["scripts/rebuild.ts", "--data", data, "--store", store, "--datasets", options.datasets ?? path.join(root, "no-datasets")], { cwd: REPO, stdio: "pipe" });
    const dist = path.join(root, "dist");
    if (build) buildSite(store, dist);
    return { root, store, dist };
  } catch (error) {
    // A failed build leaves nothing behind: the caller never learns the folder's name.
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** `astro build` of the site from `store` into `dist`. */
export function buildSite(store: string, dist: string): void {
  buildSiteInto(store, dist);
}

/** Every file under `dir`. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Builds the store and the site with `count` entries per direction on each benchmark; times the site build,
 * the fastest of `repeats` builds (on a shared machine the fastest is the one least disturbed).
 */
export function timeSiteBuild(count: number, repeats = 1): SiteBuild {
  const { root, store, dist } = makeSyntheticSite(count, {}, false);
  try {
    let seconds = Number.POSITIVE_INFINITY;
    for (let k = 0; k < repeats; k++) {
      const started = performance.now();
      buildSite(store, dist);
      seconds = Math.min(seconds, (performance.now() - started) / 1000);
    }
    const files = filesUnder(dist);
    const entryPages = files.filter((f) => /\/(t2v|v2t)\/bench-(model|method)-\d+\/index\.html$/.test(f));
    const largest = Math.max(0, ...entryPages.map((f) => fs.statSync(f).size));
    return { entries: count, pages: files.filter((f) => f.endsWith(".html")).length, seconds, largestEntryPageKb: largest / 1024 };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
