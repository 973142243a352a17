/**
 * Imports submission bundles into the store content, all through the reader and checks a user's bundle goes
 * through: the metric bundles made in memory from the external datasets, then the accepted bundles under
 * data/submissions/. V2T bundles come before T2V ones, since an auto-scored T2V entry names a V2T evaluator
 * that must already be there.
 */
import fs from "node:fs";
import path from "node:path";
import { BUNDLE_LIMITS, type BundleLimits } from "../../src/schemas/submission/limits.ts";
import { InputError, type Problem } from "../io/input-error.ts";
import { displayPath } from "../io/read-data.ts";
import type { StoreContent } from "../store/store-content.ts";
import { readBundleFiles, type BundleFiles } from "./bundle-files.ts";
import { addBundleRows } from "./bundle-rows.ts";
import type { ScoringContext } from "../scoring/context.ts";
import { checkBundle } from "./check-bundle.ts";
import { parseBundle, type ParsedBundle } from "./parse-bundle.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** The folder of accepted bundles inside a data folder. */
export function submissionsDir(dataDir: string): string {
  return path.join(dataDir, "submissions");
}

/** Where an accepted bundle is kept: data/submissions/<benchmark>/<direction>/<entry id>/. */
export function storedBundleDir(dataDir: string, bundle: ParsedBundle): string {
  return path.join(submissionsDir(dataDir), bundle.manifest.benchmark, bundle.manifest.direction, bundle.entryId);
}

/** A bundle's path as stored: relative to the repo (or the data folder's parent), with / separators. */
export function storedPath(dir: string, dataDir: string): string {
  const inRepo = path.relative(REPO_ROOT, dir);
  const base = !inRepo.startsWith("..") && !path.isAbsolute(inRepo) ? inRepo : path.relative(path.dirname(dataDir), dir);
  return base.split(path.sep).join("/");
}

/** An accepted bundle folder under data/submissions/ and where its place says it belongs. */
export interface AcceptedBundle {
  readonly dir: string;
  readonly benchmark: string;
  readonly direction: string;
}

/** Whether a file or folder name is a temporary one a write in progress (or a crash) leaves; they are never bundles. */
export function isTemporaryName(name: string): boolean {
  return /\.\d+\.tmp(-journal)?$/.test(name);
}

/** The accepted bundle folders under data/submissions/, V2T first; misplaced files are problems. */
export function acceptedBundles(dataDir: string, problems: Problem[]): AcceptedBundle[] {
  const root = submissionsDir(dataDir);
  if (!fs.existsSync(root)) return [];
  const sorted = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).filter((d) => !isTemporaryName(d.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const found: AcceptedBundle[] = [];
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

/** Options of importSubmissions. */
export interface ImportSubmissionsOptions {
  readonly dataDir: string;
  /** The bundles of the metric scores the datasets distribute (scripts/pipeline/metric-bundles.ts). */
  readonly metricBundles: readonly BundleFiles[];
  readonly limits?: BundleLimits;
}

/**
 * Adds the datasets' metric bundles and the accepted bundles to the content (each checked like a new
 * submission); throws an InputError listing every problem of every bundle.
 */
export function importSubmissions(content: StoreContent, options: ImportSubmissionsOptions): void {
  const limits = options.limits ?? BUNDLE_LIMITS;
  const problems: Problem[] = [];
  const known = new Map(content.submissions.map((s) => [s.id, s.path]));
  const contexts = new Map<string, ScoringContext>();

  const add = (files: BundleFiles, kept: string, origin: "submitted" | "dataset", expected?: AcceptedBundle): void => {
    let bundle: ParsedBundle;
    try {
      bundle = parseBundle(files, limits);
    } catch (error) {
      if (error instanceof InputError) {
        problems.push(...error.problems);
        return;
      }
      throw error;
    }
    const existing = known.get(bundle.hash);
    if (existing !== undefined) {
      problems.push({ file: bundle.files.shown, message: `is a copy of submission ${bundle.hash} at ${existing}; keep only one` });
      return;
    }
    const { problems: found } = checkBundle(bundle, content, contexts);
    if (expected !== undefined) {
      const wanted = `${bundle.manifest.benchmark}/${bundle.manifest.direction}/${bundle.entryId}`;
      const actual = `${expected.benchmark}/${expected.direction}/${path.basename(expected.dir)}`;
      if (wanted !== actual) found.push({ file: bundle.manifestFile, message: `belongs in submissions/${wanted}/, not submissions/${actual}/` });
    }
    if (found.length > 0) {
      problems.push(...found);
      return;
    }
    addBundleRows(content, bundle, kept, origin);
    known.set(bundle.hash, kept);
  };

  for (const files of options.metricBundles) add(files, files.shown, "dataset");
  for (const accepted of acceptedBundles(options.dataDir, problems)) {
    let files: BundleFiles;
    try {
      files = readBundleFiles(accepted.dir, limits);
    } catch (error) {
      if (error instanceof InputError) {
        problems.push(...error.problems);
        continue;
      }
      throw error;
    }
    add(files, storedPath(accepted.dir, options.dataDir), "submitted", accepted);
  }
  if (problems.length > 0) throw new InputError(problems);
}
