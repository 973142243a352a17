/**
 * The whole of `npm run submit`: check a bundle completely before writing anything, then either print its
 * would-be figures (--dry-run) or keep it under data/submissions/ and rebuild the store in one transaction.
 */
import { BUNDLE_LIMITS, type BundleLimits } from "../../../src/schemas/submission/limits.ts";
import { buildContent } from "../build-content.ts";
import { formatProblem, InputError, type Problem } from "../input-error.ts";
import { displayPath } from "../read-data.ts";
import type { StoreContent } from "../store-content.ts";
import { writeStore } from "../write-store.ts";
import { readBundleFiles } from "./bundle-files.ts";
import { formatReport, reportRows } from "./dry-run-report.ts";
import { DuplicateSubmissionError, storedBundleDir } from "./import-submissions.ts";
import { discard, keepBundle, type KeptBundle } from "./keep-bundle.ts";
import { parseBundle, type ParsedBundle } from "./parse-bundle.ts";
import { createProgress, type ProgressStream } from "./progress.ts";

/** What to submit, where, and how. */
export interface SubmitOptions {
  readonly bundle: string;
  readonly dataDir: string;
  readonly store: string;
  readonly datasetsDir?: string;
  readonly dryRun?: boolean;
  /** Bootstrap resamples for the figures printed and stored (the scorer's default when absent). */
  readonly resamples?: number;
  /** The scoring cache (see scoring/cache.ts), so that only the new entry's figures are computed. */
  readonly cacheDir?: string;
  readonly limits?: BundleLimits;
  readonly stdout?: ProgressStream;
  readonly stderr?: { write(text: string): unknown };
  /** Test hook: fail after the bundle was copied into data/submissions/, before the store is written. */
  readonly failAfterCopy?: boolean;
}

/** How a submission ended; `exitCode` is what the command exits with. */
export interface SubmitOutcome {
  readonly status: "rejected" | "duplicate" | "dry-run" | "stored" | "failed";
  readonly exitCode: 0 | 1;
  readonly hash?: string;
  readonly entryId?: string;
  readonly problems?: readonly Problem[];
}

function rejected(err: { write(text: string): unknown }, error: InputError): SubmitOutcome {
  err.write(`Bundle rejected: ${error.problems.length} problem(s). Nothing was stored.\n`);
  for (const problem of error.problems) err.write(`  ${formatProblem(problem)}\n`);
  return { status: "rejected", exitCode: 1, problems: error.problems };
}

function summary(bundle: ParsedBundle): string {
  const { manifest, entryId, data } = bundle;
  return `${manifest.direction.toUpperCase()} entry "${manifest.entry.name}" (id ${entryId}) on ${manifest.benchmark}: ${data.lines.length.toLocaleString("en")} line(s) of ${data.kind}; content hash ${bundle.hash}`;
}

function entryReport(content: StoreContent, bundle: ParsedBundle): string {
  const rows = reportRows(content, bundle.manifest.benchmark, bundle.manifest.direction, bundle.entryId);
  if (rows.every((r) => r.value === null)) {
    return "No figures were computed for this entry (the store's scoring produced no results for it).";
  }
  return formatReport(rows);
}

/** Runs one submission; never throws on bad input (it reports and returns exit code 1). */
export function submitBundle(options: SubmitOptions): SubmitOutcome {
  const out = options.stdout ?? process.stdout;
  const err = options.stderr ?? process.stderr;
  const limits = options.limits ?? BUNDLE_LIMITS;
  const build = {
    dataDir: options.dataDir,
    ...(options.datasetsDir ? { datasetsDir: options.datasetsDir } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  };
  const progress = createProgress(options.dryRun ? 2 : 4, out);
  const note = (message: string) => progress.note(message);

  let bundle: ParsedBundle;
  try {
    progress.step(`reading ${displayPath(options.bundle)}`);
    bundle = parseBundle(readBundleFiles(options.bundle, limits), limits);
  } catch (error) {
    progress.done();
    if (error instanceof InputError) return rejected(err, error);
    throw error;
  }

  let checked: StoreContent;
  try {
    progress.step(options.dryRun ? "checking against the benchmark and scoring (dry run)" : "checking against the benchmark");
    // A real submission is scored once, by the rebuild after it is kept; checking it needs no figures.
    const scoring = options.dryRun ? { ...(options.resamples ? { resamples: options.resamples } : {}) } : { score: false };
    checked = buildContent({ ...build, ...scoring, extraBundles: [options.bundle], progress: note });
  } catch (error) {
    progress.done();
    if (error instanceof DuplicateSubmissionError) {
      out.write(`${displayPath(options.bundle)} is a duplicate of submission ${error.hash} (kept at ${error.existingPath}). Nothing to do.\n`);
      return { status: "duplicate", exitCode: 0, hash: error.hash, entryId: bundle.entryId };
    }
    if (error instanceof InputError) return rejected(err, error);
    throw error;
  }

  if (options.dryRun) {
    progress.done();
    out.write(`Dry run, nothing stored. ${summary(bundle)}\n\n${entryReport(checked, bundle)}\n`);
    return { status: "dry-run", exitCode: 0, hash: bundle.hash, entryId: bundle.entryId };
  }

  let kept: KeptBundle | null = null;
  try {
    progress.step(`keeping the bundle in ${displayPath(storedBundleDir(options.dataDir, bundle))}`);
    kept = keepBundle(bundle.files.files, storedBundleDir(options.dataDir, bundle));
    if (options.failAfterCopy) throw new Error("failure injected after copying the bundle (test hook)");
    progress.step("rebuilding the store");
    const content = buildContent({ ...build, ...(options.resamples ? { resamples: options.resamples } : {}), progress: note });
    writeStore(content, options.store);
    progress.done();
    out.write(`Stored. ${summary(bundle)}\nStore ${displayPath(options.store)} rebuilt.\n\n${entryReport(content, bundle)}\n`);
    return { status: "stored", exitCode: 0, hash: bundle.hash, entryId: bundle.entryId };
  } catch (error) {
    progress.done();
    if (kept !== null) discard(kept);
    const message = error instanceof Error ? error.message : String(error);
    err.write(`Storing failed; the bundle was removed again and the store left as it was.\n${message}\n`);
    return { status: "failed", exitCode: 1, hash: bundle.hash, entryId: bundle.entryId };
  }
}
