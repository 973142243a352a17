/**
 * A benchmark package's folder form (src/schemas/package.ts): reading one (every line checked, every problem
 * with file and line) and writing one.
 */
import fs from "node:fs";
import path from "node:path";
import {
  PACKAGE_FILES,
  PACKAGE_FORMAT,
  PackageDimensionSchema,
  PackageFormatSchema,
  PackageGroundTruthSchema,
  PackageMetricSchema,
  PackageMetricScoreSchema,
  PackageModelSchema,
  PackagePromptSchema,
  PackageQuestionSchema,
  PackageVideoSchema,
} from "../../src/schemas/package.ts";
import { InputError } from "../io/input-error.ts";
import { displayPath, readJsonFile, readJsonLinesFile } from "../io/read-data.ts";
import { writeFileAtomic } from "../io/write-file.ts";
import type { BenchmarkPackage, Located } from "./types.ts";

/** A package with no records, for adapters to fill. */
export function emptyPackage(): BenchmarkPackage {
  return { models: [], dimensions: [], prompts: [], videos: [], groundTruth: [], questions: [], metrics: [], metricScores: [] };
}

/** Whether a folder holds a package (its format.json). */
export function isPackageDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, PACKAGE_FILES.format));
}

/** Reads a package folder; optional files may be absent. Throws an InputError naming file, line and field. */
export function readPackageDir(dir: string): BenchmarkPackage {
  readJsonFile(path.join(dir, PACKAGE_FILES.format), PackageFormatSchema);
  const read = <T>(name: string, schema: Parameters<typeof readJsonLinesFile>[1], optional: boolean): Located<T>[] => {
    const file = path.join(dir, name);
    if (optional && !fs.existsSync(file)) return [];
    const shown = displayPath(file);
    return readJsonLinesFile(file, schema).map(({ line, value }) => ({ ...(value as T), at: { file: shown, line } }));
  };
  const problems = [];
  const out: Partial<Record<keyof BenchmarkPackage, unknown>> = {};
  const parts: [keyof BenchmarkPackage, string, Parameters<typeof readJsonLinesFile>[1], boolean][] = [
    ["models", PACKAGE_FILES.models, PackageModelSchema, false],
    ["dimensions", PACKAGE_FILES.dimensions, PackageDimensionSchema, true],
    ["prompts", PACKAGE_FILES.prompts, PackagePromptSchema, false],
    ["videos", PACKAGE_FILES.videos, PackageVideoSchema, false],
    ["groundTruth", PACKAGE_FILES.groundTruth, PackageGroundTruthSchema, false],
    ["questions", PACKAGE_FILES.questions, PackageQuestionSchema, true],
    ["metrics", PACKAGE_FILES.metrics, PackageMetricSchema, true],
    ["metricScores", PACKAGE_FILES.metricScores, PackageMetricScoreSchema, true],
  ];
  // Every file is read even when an earlier one has problems, so that the user fixes them in one round.
  for (const [key, name, schema, optional] of parts) {
    try {
      out[key] = read(name, schema, optional);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return out as unknown as BenchmarkPackage;
}

/** Writes a package as a folder (each file atomically), leaving out optional files with no records. */
export function writePackageDir(pkg: BenchmarkPackage, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const lines = (records: readonly Located<object>[]) =>
    records.map(({ at: _at, ...record }) => `${JSON.stringify(record)}\n`).join("");
  const files: [string, readonly Located<object>[], boolean][] = [
    [PACKAGE_FILES.models, pkg.models, false],
    [PACKAGE_FILES.dimensions, pkg.dimensions, true],
    [PACKAGE_FILES.prompts, pkg.prompts, false],
    [PACKAGE_FILES.videos, pkg.videos, false],
    [PACKAGE_FILES.groundTruth, pkg.groundTruth, false],
    [PACKAGE_FILES.questions, pkg.questions, true],
    [PACKAGE_FILES.metrics, pkg.metrics, true],
    [PACKAGE_FILES.metricScores, pkg.metricScores, true],
  ];
  for (const [name, records, optional] of files) {
    if (optional && records.length === 0) continue;
    writeFileAtomic(path.join(dir, name), lines(records));
  }
  writeFileAtomic(path.join(dir, PACKAGE_FILES.format), `${JSON.stringify(PACKAGE_FORMAT)}\n`);
}
