/**
 * Parses a bundle's files against the submission schemas, on their own (no store needed): the manifest, the
 * data file the direction calls for, every line checked. All problems are collected before anything fails.
 */
import type { z } from "zod";
import { BUNDLE_LIMITS, type BundleLimits } from "../../src/schemas/submission/limits.ts";
import { ManifestSchema, type Manifest } from "../../src/schemas/submission/manifest.ts";
import { PredictionLineSchema, type PredictionLine } from "../../src/schemas/submission/predictions.ts";
import { RATINGS_HEADER, RatingRowSchema, type RatingRow } from "../../src/schemas/submission/ratings.ts";
import { ScoreLineSchema, type ScoreLine } from "../../src/schemas/submission/scores.ts";
import { slugify } from "../../src/schemas/ids.ts";
import { parseCsv } from "../io/csv-parse.ts";
import { InputError, problemsFromZod, type Problem } from "../io/input-error.ts";
import type { BundleFiles } from "./bundle-files.ts";
import { contentHash } from "./content-hash.ts";
import { MAX_PROBLEMS_PER_FILE, readTextLines } from "./text-lines.ts";

/** A value read from one line of a data file. */
export interface Lined<T> {
  readonly line: number;
  readonly value: T;
}

/** What a bundle submits, by data file. */
export type BundleData =
  | { readonly kind: "predictions"; readonly file: string; readonly lines: readonly Lined<PredictionLine>[] }
  | { readonly kind: "ratings"; readonly file: string; readonly lines: readonly Lined<RatingRow>[] }
  | { readonly kind: "scores"; readonly file: string; readonly lines: readonly Lined<ScoreLine>[] };

/** A bundle whose files passed the schemas: its content hash, manifest, entry id and data. */
export interface ParsedBundle {
  readonly files: BundleFiles;
  readonly hash: string;
  readonly manifest: Manifest;
  readonly manifestFile: string;
  readonly entryId: string;
  readonly data: BundleData;
}

const DATA_FILES = { predictions: "predictions.jsonl", ratings: "ratings.csv", scores: "scores.jsonl" } as const;

/** Parses JSON lines against a schema; blank lines are skipped. */
function parseJsonLines<S extends z.ZodType>(bytes: Uint8Array, file: string, schema: S, limits: BundleLimits, problems: Problem[]): Lined<z.output<S>>[] {
  const read = readTextLines(bytes, file, limits, true);
  if (!("lines" in read)) {
    problems.push(...read.problems);
    return [];
  }
  const values: Lined<z.output<S>>[] = [];
  let found = 0;
  for (const { line, text } of read.lines) {
    if (text.trim() === "") continue;
    if (found >= MAX_PROBLEMS_PER_FILE) {
      problems.push({ file, line, message: `stopped checking this file after ${MAX_PROBLEMS_PER_FILE} problems` });
      break;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push({ file, line, message: `is not valid JSON (${(error as Error).message})` });
      found += 1;
      continue;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) values.push({ line, value: parsed.data });
    else {
      const issues = problemsFromZod(file, line, parsed.error);
      problems.push(...issues);
      found += issues.length;
    }
  }
  if (values.length === 0 && found === 0) problems.push({ file, message: "holds no lines" });
  return values;
}

/** Parses ratings.csv: the exact header, then every row against the schema. */
function parseRatings(bytes: Uint8Array, file: string, limits: BundleLimits, problems: Problem[]): Lined<RatingRow>[] {
  const read = readTextLines(bytes, file, limits, true);
  if (!("lines" in read)) {
    problems.push(...read.problems);
    return [];
  }
  let csv: ReturnType<typeof parseCsv>;
  try {
    csv = parseCsv(read.text, file);
  } catch (error) {
    if (error instanceof InputError) {
      problems.push(...error.problems.slice(0, MAX_PROBLEMS_PER_FILE));
      return [];
    }
    throw error;
  }
  if (csv.header.join(",") !== RATINGS_HEADER.join(",")) {
    problems.push({ file, line: 1, message: `the header is "${csv.header.join(",")}"; expected "${RATINGS_HEADER.join(",")}"` });
    return [];
  }
  const rows: Lined<RatingRow>[] = [];
  const before = problems.length;
  for (const record of csv.records) {
    if (problems.length - before >= MAX_PROBLEMS_PER_FILE) {
      problems.push({ file, line: record.line, message: `stopped checking this file after ${MAX_PROBLEMS_PER_FILE} problems` });
      break;
    }
    const parsed = RatingRowSchema.safeParse(record.cells);
    if (parsed.success) rows.push({ line: record.line, value: parsed.data });
    else problems.push(...problemsFromZod(file, record.line, parsed.error));
  }
  if (rows.length === 0 && csv.records.length === 0) problems.push({ file, message: "holds a header but no ratings" });
  return rows;
}

/** Parses manifest.json; `direction` is read even from an invalid manifest, to check the data files too. */
function parseManifest(
  bytes: Uint8Array | undefined,
  file: string,
  limits: BundleLimits,
  problems: Problem[],
): { manifest: Manifest | null; direction: "v2t" | "t2v" | null } {
  const none = { manifest: null, direction: null };
  if (bytes === undefined) {
    problems.push({ file, message: "is missing; every bundle needs a manifest.json" });
    return none;
  }
  const read = readTextLines(bytes, file, limits);
  if (!("text" in read)) {
    problems.push(...read.problems);
    return none;
  }
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    problems.push({ file, message: `is not valid JSON (${(error as Error).message})` });
    return none;
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    problems.push(...problemsFromZod(file, undefined, parsed.error));
    const direction = (json as { direction?: unknown } | null)?.direction;
    return { manifest: null, direction: direction === "v2t" || direction === "t2v" ? direction : null };
  }
  return { manifest: parsed.data, direction: parsed.data.direction };
}

/** Which data file a manifest calls for, and problems with the files present (missing, extra, evaluator). */
function expectedData(
  manifest: Manifest | null,
  direction: "v2t" | "t2v" | null,
  files: BundleFiles,
  at: (name: string) => string,
  problems: Problem[],
): keyof typeof DATA_FILES | null {
  const has = (kind: keyof typeof DATA_FILES) => files.files.has(DATA_FILES[kind]);
  const present = (Object.keys(DATA_FILES) as (keyof typeof DATA_FILES)[]).filter(has);
  if (direction === null) return present.length === 1 ? (present[0] ?? null) : null;
  if (direction === "v2t") {
    for (const kind of present) {
      if (kind !== "predictions") problems.push({ file: at(DATA_FILES[kind]), message: "does not belong in a V2T bundle (direction \"v2t\" submits predictions.jsonl)" });
    }
    if (!has("predictions")) problems.push({ file: at(DATA_FILES.predictions), message: "is missing; a V2T bundle submits its per-video predictions in it" });
    return has("predictions") ? "predictions" : null;
  }
  if (has("predictions")) problems.push({ file: at(DATA_FILES.predictions), message: "does not belong in a T2V bundle (direction \"t2v\" submits ratings.csv or scores.jsonl)" });
  const manifestFile = at("manifest.json");
  if (has("ratings") && has("scores")) {
    problems.push({ file: files.shown, message: "holds both ratings.csv and scores.jsonl; a T2V bundle submits human ratings or evaluator scores, not both" });
    return null;
  }
  if (!has("ratings") && !has("scores")) {
    problems.push({ file: at(DATA_FILES.ratings), message: "is missing; a T2V bundle submits human ratings (ratings.csv) or an evaluator's scores (scores.jsonl)" });
    return null;
  }
  if (manifest?.direction !== "t2v") return has("ratings") ? "ratings" : "scores";
  if (has("scores") && manifest.evaluator === undefined) {
    problems.push({ file: manifestFile, field: "evaluator", message: "is required with scores.jsonl: the id of the V2T entry that scored the videos" });
  }
  if (has("ratings") && manifest.evaluator !== undefined) {
    problems.push({ file: manifestFile, field: "evaluator", message: "must be left out with ratings.csv (human ratings have no evaluator)" });
  }
  return has("ratings") ? "ratings" : "scores";
}

/** Parses and schema-checks a bundle's files; throws an InputError with every problem found. */
export function parseBundle(files: BundleFiles, limits: BundleLimits = BUNDLE_LIMITS): ParsedBundle {
  const at = (name: string) => `${files.shown}/${name}`;
  const problems: Problem[] = [];
  const manifestFile = at("manifest.json");
  const { manifest, direction } = parseManifest(files.files.get("manifest.json"), manifestFile, limits, problems);
  const kind = expectedData(manifest, direction, files, at, problems);
  let data: BundleData | null = null;
  if (kind !== null) {
    const file = at(DATA_FILES[kind]);
    const bytes = files.files.get(DATA_FILES[kind]) ?? new Uint8Array();
    if (kind === "predictions") data = { kind, file, lines: parseJsonLines(bytes, file, PredictionLineSchema, limits, problems) };
    else if (kind === "scores") data = { kind, file, lines: parseJsonLines(bytes, file, ScoreLineSchema, limits, problems) };
    else data = { kind, file, lines: parseRatings(bytes, file, limits, problems) };
  }
  for (const name of ["README.md", "README.txt", "LICENSE", "LICENSE.txt", "LICENSE.md"]) {
    const bytes = files.files.get(name);
    if (bytes !== undefined) {
      const read = readTextLines(bytes, at(name), limits);
      if (!("lines" in read)) problems.push(...read.problems);
    }
  }
  if (problems.length > 0 || manifest === null || data === null) throw new InputError(problems);
  return { files, hash: contentHash(files.files), manifest, manifestFile, entryId: slugify(manifest.entry.name), data };
}
