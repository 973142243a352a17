/**
 * Imports submission bundles into the store content, all through the same reader and checks a user's bundle
 * goes through: the metric bundles derived from the external datasets, then data/submissions/, then any
 * extra bundles (submit's check and dry run). V2T bundles come before T2V ones, since an auto-scored T2V
 * entry names a V2T evaluator that must already be there.
 */
import fs from "node:fs";
import path from "node:path";
import { BUNDLE_LIMITS, type BundleLimits } from "../../../src/schemas/submission/limits.ts";
import { datasetsRoot } from "../datasets.ts";
import { InputError, type Problem } from "../input-error.ts";
import { writeMetricBundles } from "../metric-bundles.ts";
import { displayPath } from "../read-data.ts";
import type { StoreContent } from "../store-content.ts";
import { readBundleFiles } from "./bundle-files.ts";
import { addBundleRows } from "./bundle-rows.ts";
import { checkBundle } from "./check-bundle.ts";
import { parseBundle, type ParsedBundle } from "./parse-bundle.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");

/** Where derived metric bundles are regenerated (gitignored). */
export const METRIC_BUNDLES_DIR = path.join(REPO_ROOT, ".cache", "bundles");

/** The folder of accepted bundles inside a data folder. */
export function submissionsDir(dataDir: string): string {
  return path.join(dataDir, "submissions");
}

/** Where an accepted bundle is kept: data/submissions/<benchmark>/<direction>/<entry id>/. */
export function storedBundleDir(dataDir: string, bundle: ParsedBundle): string {
  return path.join(submissionsDir(dataDir), bundle.manifest.benchmark, bundle.manifest.direction, bundle.entryId);
}

/** Options of importSubmissions. */
export interface ImportSubmissionsOptions {
  readonly dataDir: string;
  readonly datasetsDir?: string;
  /** Bundles (folders or zips) to add after the accepted ones: submit's check and dry run. */
  readonly extraBundles?: readonly string[];
  /** Where derived metric bundles are written; tests may point elsewhere. */
  readonly metricBundlesDir?: string;
  readonly limits?: BundleLimits;
}

/** One imported bundle, for callers that report on it. */
export interface ImportedBundle {
  readonly hash: string;
  readonly benchmark: string;
  readonly direction: "t2v" | "v2t";
  readonly entryId: string;
  readonly path: string;
}

/** Thrown when an extra bundle is byte-for-byte a submission the store already holds. */
export class DuplicateSubmissionError extends Error {
  readonly hash: string;
  readonly existingPath: string;

  constructor(hash: string, existingPath: string) {
    super(`duplicate of submission ${hash} (kept at ${existingPath}); nothing to add`);
    this.name = "DuplicateSubmissionError";
    this.hash = hash;
    this.existingPath = existingPath;
  }
}

/** A bundle's path as stored: relative to the repo (or the data folder's parent), with / separators. */
function storedPath(dir: string, dataDir: string): string {
  const inRepo = path.relative(REPO_ROOT, dir);
  const base = !inRepo.startsWith("..") && !path.isAbsolute(inRepo) ? inRepo : path.relative(path.dirname(dataDir), dir);
  return base.split(path.sep).join("/");
}

/** The accepted bundle folders under data/submissions/, V2T first; misplaced files are problems. */
function acceptedBundles(dataDir: string, problems: Problem[]): { dir: string; benchmark: string; direction: string }[] {
  const root = submissionsDir(dataDir);
  if (!fs.existsSync(root)) return [];
  const sorted = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const found: { dir: string; benchmark: string; direction: string }[] = [];
  for (const benchmark of sorted(root)) {
    if (!benchmark.isDirectory()) {
      if (benchmark.name !== ".gitkeep" && benchmark.name !== "README.md") problems.push({ file: displayPath(path.join(root, benchmark.name)), message: "expected only <benchmark>/<direction>/<entry>/ folders here" });
      continue;
    }
    for (const direction of sorted(path.join(root, benchmark.name))) {
      const where = path.join(root, benchmark.name, direction.name);
      if (!direction.isDirectory() || (direction.name !== "v2t" && direction.name !== "t2v")) {
        problems.push({ file: displayPath(where), message: "expected a v2t/ or t2v/ folder" });
        continue;
      }
      for (const entry of sorted(where)) {
        const dir = path.join(where, entry.name);
        if (!entry.isDirectory()) problems.push({ file: displayPath(dir), message: "expected one folder per entry" });
        else found.push({ dir, benchmark: benchmark.name, direction: direction.name });
      }
    }
  }
  return found.sort((a, b) => (a.direction === b.direction ? 0 : a.direction === "v2t" ? -1 : 1));
}

/**
 * Adds the derived metric bundles (when the datasets are present), the accepted bundles and the extra ones
 * to the content. Throws an InputError listing every problem of every bundle, or a DuplicateSubmissionError
 * when an extra bundle is already stored.
 */
export function importSubmissions(content: StoreContent, options: ImportSubmissionsOptions): ImportedBundle[] {
  const limits = options.limits ?? BUNDLE_LIMITS;
  const problems: Problem[] = [];
  const imported: ImportedBundle[] = [];
  const known = new Map(content.submissions.map((s) => [s.id, s.path]));

  const add = (source: string, kept: string, expected?: { benchmark: string; direction: string }): void => {
    let bundle: ParsedBundle;
    try {
      bundle = parseBundle(readBundleFiles(source, limits), limits);
    } catch (error) {
      if (error instanceof InputError) {
        problems.push(...error.problems);
        return;
      }
      throw error;
    }
    const existing = known.get(bundle.hash);
    if (existing !== undefined) {
      if (expected === undefined) throw new DuplicateSubmissionError(bundle.hash, existing);
      problems.push({ file: bundle.files.shown, message: `is a copy of submission ${bundle.hash} at ${existing}; keep only one` });
      return;
    }
    const found = checkBundle(bundle, content);
    if (expected !== undefined) {
      const wanted = `${bundle.manifest.benchmark}/${bundle.manifest.direction}/${bundle.entryId}`;
      const actual = `${expected.benchmark}/${expected.direction}/${path.basename(source)}`;
      if (wanted !== actual) found.push({ file: bundle.manifestFile, message: `belongs in submissions/${wanted}/, not submissions/${actual}/` });
    }
    if (found.length > 0) {
      problems.push(...found);
      return;
    }
    addBundleRows(content, bundle, kept);
    known.set(bundle.hash, kept);
    imported.push({ hash: bundle.hash, benchmark: bundle.manifest.benchmark, direction: bundle.manifest.direction, entryId: bundle.entryId, path: kept });
  };

  const metricsDir = options.metricBundlesDir ?? METRIC_BUNDLES_DIR;
  const benchmarks = new Set(content.benchmarks.map((b) => b.id));
  for (const dir of writeMetricBundles(datasetsRoot(options.datasetsDir), metricsDir, { dataDir: options.dataDir })) {
    const benchmark = path.basename(path.dirname(path.dirname(dir)));
    if (benchmarks.has(benchmark)) add(dir, storedPath(dir, options.dataDir), { benchmark, direction: "v2t" });
  }
  for (const { dir, benchmark, direction } of acceptedBundles(options.dataDir, problems)) {
    add(dir, storedPath(dir, options.dataDir), { benchmark, direction });
  }
  for (const source of options.extraBundles ?? []) add(path.resolve(source), displayPath(path.resolve(source)));
  if (problems.length > 0) throw new InputError(problems);
  return imported;
}
