/**
 * The whole of `npm run verify`, under the write lock: find the submitted entry in a store that is current with
 * data/ (rebuilt in memory otherwise), draw the sample by the seeded rule (or only print it, for the verifier to
 * re-run the method on), check the evidence, then keep the evidence and the record in data/verifications/ (each
 * file written whole: a temporary, then a rename; the evidence before the record, so a record never names evidence
 * that is not there) and write the store once. Killed at any point, data/ holds either no record or a record that
 * holds, and running the same command again finishes the job.
 */
import fs from "node:fs";
import path from "node:path";
import { verificationSample, type BootstrapSettings } from "../../src/engine/index.ts";
import { VerificationSchema, type Verification } from "../../src/schemas/verification.ts";
import { datasetsRoot } from "../benchmarks/registry.ts";
import { buildContent } from "../pipeline/build-content.ts";
import { checkpoint } from "../store/checkpoint.ts";
import { inputsFingerprint } from "../pipeline/fingerprint.ts";
import { recordHistory } from "../pipeline/history/record-history.ts";
import { formatProblems, InputError, type Problem } from "../io/input-error.ts";
import { displayPath } from "../io/read-data.ts";
import { storedSettings } from "../scoring/context.ts";
import type { StoreContent } from "../store/store-content.ts";
import { keptHashes, sameSet } from "../submissions/submit-bundle.ts";
import { removeStaleTemporaries } from "../store/temporaries.ts";
import { acquireWriteLock, BusyError } from "../store/write-lock.ts";
import { writeFileAtomic } from "../io/write-file.ts";
import { readStore } from "../store/read-store.ts";
import { writeStore } from "../store/write-store.ts";
import { fileSha256, sampleFrame, submittedEntry, verificationProblems, verificationSeed } from "./check-verification.ts";
import { addVerification, verificationRow } from "./import-records.ts";
import { MIN_PANEL_SAMPLE, panelDifferences } from "./panel-check.ts";
import { evidencePath, recordPath, type EntryKey } from "./record-files.ts";

/** What to verify, with what, and where. */
export interface VerifyOptions {
  readonly entry: EntryKey;
  /** The re-run scores (V2T, predictions.jsonl format) or the trusted panel's ratings (T2V, ratings.csv format) of the sample; not needed with `printSample`. */
  readonly evidence?: string;
  readonly verifiedBy?: string;
  readonly checked?: string;
  /** YYYY-MM-DD (default: today, UTC); with the submission, it seeds the sample. */
  readonly date?: string;
  /** Videos in the sample (default 100 for V2T, 50 for T2V, where at least 30; at most what the entry has). */
  readonly sampleSize?: number;
  /** V2T: largest absolute difference between a re-run score and the submitted one (default 1e-6). */
  readonly tolerance?: number;
  /** Only print the sample the verifier must re-run; write nothing. */
  readonly printSample?: boolean;
  readonly dataDir: string;
  readonly store: string;
  readonly datasetsDir?: string;
  readonly cacheDir?: string;
  readonly stdout?: { write(text: string): unknown };
  readonly stderr?: { write(text: string): unknown };
}

/** How a verification ended; `exitCode` is what the command exits with. */
export interface VerifyOutcome {
  readonly status: "sample" | "verified" | "refused" | "busy";
  readonly exitCode: 0 | 1 | 75;
  readonly sample?: readonly string[];
  readonly problems?: readonly Problem[];
}

/** The store's content when it is current with data/ and the code, else the content rebuilt from data/ in memory. */
async function currentContent(options: VerifyOptions, note: (message: string) => void): Promise<StoreContent> {
  let settings: BootstrapSettings | undefined;
  if (fs.existsSync(options.store)) {
    try {
      const content = readStore(options.store);
      settings = storedSettings(content);
      const fingerprint = content.meta.find((m) => m.key === "inputs")?.value;
      const inStore = new Set(content.submissions.filter((s) => s.origin === "submitted").map((s) => s.id));
      if (fingerprint === (await inputsFingerprint(options.dataDir, datasetsRoot(options.datasetsDir))) && sameSet(inStore, keptHashes(options.dataDir))) return content;
    } catch (error) {
      if (error instanceof InputError) throw error;
    }
  }
  note(`Rebuilding the store from data/ first: ${displayPath(options.store)} is missing or does not match data/ and the code.`);
  // The store's own bootstrap settings, so that the store written next is the one a rebuild with them writes.
  return buildContent({
    dataDir: options.dataDir,
    ...(options.datasetsDir ? { datasetsDir: options.datasetsDir } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(settings ? { resamples: settings.resamples, seed: settings.seed } : {}),
    progress: note,
  });
}

function refused(err: { write(text: string): unknown }, problems: readonly Problem[]): VerifyOutcome {
  err.write(`Verification refused: ${problems.length} problem(s). Nothing was written.\n${formatProblems(problems)}\n`);
  return { status: "refused", exitCode: 1, problems };
}

async function verifyLocked(options: VerifyOptions, out: { write(text: string): unknown }, err: { write(text: string): unknown }): Promise<VerifyOutcome> {
  checkpoint("locked");
  for (const file of removeStaleTemporaries(options.dataDir, options.store)) out.write(`Removed ${displayPath(file)}, left by an interrupted run.\n`);
  const key = options.entry;
  const file = recordPath(options.dataDir, "verifications", key);
  const shown = displayPath(file);
  let content: StoreContent;
  try {
    content = await currentContent(options, (message) => out.write(`${message}\n`));
  } catch (error) {
    if (error instanceof InputError) return refused(err, error.problems);
    throw error;
  }
  checkpoint("read");
  if (!content.benchmarks.some((b) => b.id === key.benchmark)) return refused(err, [{ file: shown, field: "benchmark", message: `"${key.benchmark}" is not a benchmark of this site` }]);
  const entry = submittedEntry(content, key, shown);
  if ("message" in entry) return refused(err, [entry]);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const seed = verificationSeed(entry.submissionId, date);
  const frame = sampleFrame(content, key);
  const size = Math.min(options.sampleSize ?? (key.direction === "v2t" ? 100 : 50), frame.length);
  if (size < 1) return refused(err, [{ file: shown, field: "sample.size", message: "the entry has no videos; there is nothing to check" }]);
  const sample = verificationSample(frame, size, seed);
  if (options.printSample) {
    const what = key.direction === "v2t" ? `videos ${key.entry} is scored on` : `prompts ${key.entry} has videos for`;
    const task = key.direction === "v2t" ? "re-run the method on these and pass its scores" : "have the trusted panel rate the entry's videos of these prompts, with the anchors, and pass the ratings";
    out.write(`Sample of ${size} of the ${frame.length} ${what} (seed ${seed}, from its submission and ${date}); ${task} with --evidence, with --date ${date}:\n${sample.join("\n")}\n`);
    return { status: "sample", exitCode: 0, sample };
  }
  const missing = (["evidence", "verifiedBy", "checked"] as const).filter((field) => !options[field]);
  if (missing.length > 0) return refused(err, missing.map((field) => ({ file: shown, field, message: "is required (see npm run verify -- --help)" })));
  const evidence = options.evidence as string;
  if (!fs.existsSync(evidence)) return refused(err, [{ file: displayPath(evidence), message: "does not exist" }]);
  const kept = evidencePath(options.dataDir, key);
  let check: Verification["check"] = { kind: "rerun", tolerance: options.tolerance ?? 1e-6 };
  if (key.direction === "t2v") {
    if (size < MIN_PANEL_SAMPLE) return refused(err, [{ file: shown, field: "sample.size", message: `a panel check samples at least ${MIN_PANEL_SAMPLE} videos (its interval is the large-sample one)` }]);
    const panel = panelDifferences(content, key, sample, evidence, displayPath(evidence));
    if (panel.problems.length > 0) return refused(err, panel.problems);
    check = { kind: "panel", differences: panel.differences };
  }
  const parsed = VerificationSchema.safeParse({
    schemaVersion: 1,
    benchmark: key.benchmark,
    direction: key.direction,
    entry: key.entry,
    submission: entry.submissionId,
    verifiedBy: options.verifiedBy,
    date,
    checked: options.checked,
    sample: { seed, size, items: sample },
    check,
    evidence: { file: path.basename(kept), sha256: fileSha256(evidence) },
  });
  if (!parsed.success) return refused(err, parsed.error.issues.map((issue) => ({ file: shown, field: issue.path.join("."), message: issue.message })));
  const record: Verification = parsed.data;
  const problems = verificationProblems(content, record, key, shown, evidence, displayPath(evidence));
  if (problems.length > 0) return refused(err, problems);
  checkpoint("scored");

  fs.mkdirSync(path.dirname(file), { recursive: true });
  checkpoint("keeping");
  writeFileAtomic(kept, fs.readFileSync(evidence));
  writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
  checkpoint("kept");
  addVerification(content, verificationRow(record, options.dataDir, file, kept));
  // The record is one of the store's inputs: the store now describes data/ with it.
  const inputs = await inputsFingerprint(options.dataDir, datasetsRoot(options.datasetsDir));
  content.meta = content.meta.map((m) => (m.key === "inputs" ? { ...m, value: inputs } : m));
  // The changelog and release the store keeps now list the record (see scripts/pipeline/history/).
  recordHistory(content, options.dataDir);
  writeStore(content, options.store);
  checkpoint("stored");
  const how = record.check.kind === "rerun" ? `${size} sampled videos re-run within ${record.check.tolerance}` : `${size} sampled videos re-rated by the trusted panel, anchored differences consistent with zero`;
  out.write(`Verified: ${key.benchmark}/${key.direction}/${key.entry}, ${how}. Wrote ${shown} and ${displayPath(kept)}; store ${displayPath(options.store)} updated.\nTo publish it: open a pull request with both files.\n`);
  return { status: "verified", exitCode: 0, sample };
}

/** Runs one verification under the write lock; never throws on bad input (it reports and returns a non-zero exit code). */
export async function verifyEntry(options: VerifyOptions): Promise<VerifyOutcome> {
  const out = options.stdout ?? process.stdout;
  const err = options.stderr ?? process.stderr;
  let lock;
  try {
    lock = acquireWriteLock(options.dataDir, (message) => out.write(`${message}\n`));
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    err.write(`${error.message}\n`);
    return { status: "busy", exitCode: 75 };
  }
  try {
    return await verifyLocked(options, out, err);
  } finally {
    lock.release();
  }
}
