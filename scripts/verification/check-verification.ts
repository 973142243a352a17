/**
 * Checks a verification record against the store's content and its evidence: the entry is a submitted one and
 * the submission is the one verified; the sample is the one the seeded rule draws for that submission and day;
 * the evidence file is the one recorded (SHA-256); and the re-run scores reproduce the submitted ones within the
 * recorded tolerance (V2T), or a trusted panel's anchored scores of the sample do not differ from the entry's on
 * average (T2V). One function, used by `npm run verify` before it writes a record and by every rebuild.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { derivedSeed, scoreMismatches, verificationSample, type MeanDifference } from "../../src/engine/index.ts";
import { PredictionLineSchema } from "../../src/schemas/submission/predictions.ts";
import type { Verification } from "../../src/schemas/verification.ts";
import { InputError, type Problem } from "../io/input-error.ts";
import { readJsonLinesFile } from "../io/read-data.ts";
import { byId, correlationPool, scoringContext, storedSettings } from "../scoring/context.ts";
import type { StoreContent } from "../store/store-content.ts";
import { MIN_PANEL_SAMPLE, panelDifferences } from "./panel-check.ts";
import type { EntryKey } from "./record-files.ts";

/** The seed of a verification's sample: fixed by the submission and the day, so a verifier cannot shop for a sample. */
export function verificationSeed(submission: string, date: string): number {
  return derivedSeed(0, `${submission}:${date}`);
}

/** The submitted entry a record is about, or a problem. */
export function submittedEntry(content: StoreContent, key: EntryKey, file: string): { submissionId: string } | Problem {
  const entries = key.direction === "v2t" ? content.v2tEntries : content.t2vEntries;
  const entry = entries.find((e) => e.benchmarkId === key.benchmark && e.id === key.entry);
  if (entry === undefined) return { file, field: "entry", message: `"${key.entry}" is not a ${key.direction.toUpperCase()} entry of benchmark "${key.benchmark}"` };
  const submission = content.submissions.find((s) => s.id === entry.submissionId);
  if (submission === undefined || submission.origin !== "submitted") {
    return { file, field: "entry", message: `"${key.entry}" was not submitted (its figures come from the benchmark's own data or papers); only submitted entries are verified` };
  }
  return { submissionId: submission.id };
}

/**
 * The ids a verification samples from: for a V2T method, the videos its instance-level figures use that it
 * predicted; for a T2V model, the prompts of its videos.
 */
export function sampleFrame(content: StoreContent, key: EntryKey): string[] {
  if (key.direction === "t2v") return [...new Set(content.videos.filter((v) => v.benchmarkId === key.benchmark && v.t2vEntryId === key.entry).map((v) => v.promptId))].sort(byId);
  const context = scoringContext(content, key.benchmark, storedSettings(content));
  const predicted = new Set(content.predictions.filter((p) => p.benchmarkId === key.benchmark && p.v2tEntryId === key.entry && p.score !== null).map((p) => p.videoId));
  return correlationPool(context).map((v) => v.id).filter((id) => predicted.has(id)).sort(byId);
}

/** SHA-256 of a file's bytes, in hex. */
export function fileSha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Re-run scores that do not reproduce the submitted ones, as problems at the evidence file. */
function rerunProblems(content: StoreContent, record: Verification, tolerance: number, evidence: string, shown: string): Problem[] {
  let lines;
  try {
    lines = readJsonLinesFile(evidence, PredictionLineSchema);
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  const problems: Problem[] = [];
  const sample = new Set(record.sample.items);
  const submitted = new Map<string, number>();
  for (const p of content.predictions) {
    if (p.benchmarkId === record.benchmark && p.v2tEntryId === record.entry && sample.has(p.videoId) && p.score !== null && p.score !== undefined) submitted.set(`${p.videoId} ${p.perspectiveId}`, p.score);
  }
  const rerun = new Map<string, number>();
  const lineOf = new Map<string, number>();
  for (const { line, value } of lines) {
    if (!sample.has(value.video)) problems.push({ file: shown, line, field: "video", message: `"${value.video}" is not in the record's sample; the evidence holds the re-run of the sample only` });
    if (lineOf.has(value.video)) problems.push({ file: shown, line, field: "video", message: `"${value.video}" is re-run twice (first at line ${lineOf.get(value.video)})` });
    lineOf.set(value.video, line);
    for (const [perspective, score] of Object.entries(value.scores)) rerun.set(`${value.video} ${perspective}`, score);
  }
  for (const m of scoreMismatches(submitted, rerun, tolerance)) {
    const [video, perspective] = m.key.split(" ") as [string, string];
    const line = lineOf.get(video);
    const where = { file: shown, ...(line === undefined ? {} : { line }), field: `scores.${perspective}` };
    if (m.rerun === null) problems.push({ ...where, field: "video", message: `no re-run score of "${video}" for ${perspective}; every sampled video must be re-run` });
    else if (m.submitted === null) problems.push({ ...where, message: `the submission has no ${perspective} score of "${video}" to compare with` });
    else problems.push({ ...where, message: `the re-run gives ${m.rerun} where the submission gave ${m.submitted}: more than the tolerance ${tolerance} apart` });
  }
  return problems;
}

/**
 * Every problem of a verification record (empty when it holds): `file` is the record as shown in messages,
 * `evidence` the evidence file to check (beside the record, or the verifier's own file before it is kept).
 */
export function verificationProblems(content: StoreContent, record: Verification, key: EntryKey, file: string, evidence: string, shownEvidence: string): Problem[] {
  const problems: Problem[] = [];
  for (const field of ["benchmark", "direction", "entry"] as const) {
    if (record[field] !== key[field]) problems.push({ file, field, message: `says "${record[field]}" but the record is filed under "${key[field]}"` });
  }
  if (problems.length > 0) return problems;
  const entry = submittedEntry(content, key, file);
  if ("message" in entry) return [entry];
  if (record.submission !== entry.submissionId) {
    problems.push({ file, field: "submission", message: `is not the entry's submission (${entry.submissionId}); a record verifies one submission, and a resubmitted entry must be verified again` });
  }
  const kind = key.direction === "v2t" ? "rerun" : "panel";
  if (record.check.kind !== kind) return [...problems, { file, field: "check.kind", message: `a ${key.direction.toUpperCase()} entry is verified by "${kind}"` }];
  if (record.check.kind === "panel" && record.sample.size < MIN_PANEL_SAMPLE) problems.push({ file, field: "sample.size", message: `a panel check samples at least ${MIN_PANEL_SAMPLE} videos (its interval is the large-sample one)` });
  const seed = verificationSeed(record.submission, record.date);
  if (record.sample.seed !== seed) problems.push({ file, field: "sample.seed", message: `is not the seed the rule gives for this submission on ${record.date} (${seed})` });
  const frame = sampleFrame(content, key);
  const expected = record.sample.size <= frame.length ? verificationSample(frame, record.sample.size, seed) : null;
  if (expected === null) problems.push({ file, field: "sample.size", message: `exceeds the ${frame.length} ${key.direction === "v2t" ? "videos the entry is scored on" : "prompts the entry has videos for"}` });
  else if (expected.length !== record.sample.items.length || expected.some((id, i) => record.sample.items[i] !== id)) {
    problems.push({ file, field: "sample.items", message: `is not the sample the seeded rule draws (seed ${seed}, ${record.sample.size} of ${frame.length} videos); the sample must not be chosen by hand` });
  }
  if (!fs.existsSync(evidence)) return [...problems, { file, field: "evidence.file", message: `names ${shownEvidence}, which does not exist` }];
  const sha = fileSha256(evidence);
  if (sha !== record.evidence.sha256) problems.push({ file, field: "evidence.sha256", message: `does not match ${shownEvidence} (its SHA-256 is ${sha}); the evidence was changed after the check` });
  if (problems.length > 0) return problems;
  if (record.check.kind === "rerun") return rerunProblems(content, record, record.check.tolerance, evidence, shownEvidence);
  return panelProblems(content, record, record.check.differences, key, file, evidence, shownEvidence);
}

/** A panel check that does not hold: the recomputed differences differ from the recorded ones, or one is not consistent with zero. */
function panelProblems(content: StoreContent, record: Verification, recorded: Readonly<Record<string, MeanDifference>>, key: EntryKey, file: string, evidence: string, shownEvidence: string): Problem[] {
  const { differences, problems } = panelDifferences(content, key, record.sample.items, evidence, shownEvidence);
  if (problems.length > 0) return problems;
  const perspectives = [...new Set([...Object.keys(differences), ...Object.keys(recorded)])].sort(byId);
  for (const perspective of perspectives) {
    const found = differences[perspective];
    const stated = recorded[perspective];
    const field = `check.differences.${perspective}`;
    if (found === undefined || stated === undefined) problems.push({ file, field, message: found === undefined ? "is recorded but the evidence gives no difference for it" : "is missing: the evidence gives a difference for it" });
    else if (found.n !== stated.n || (["mean", "low", "high"] as const).some((part) => Math.abs(found[part] - stated[part]) > 1e-9)) {
      problems.push({ file, field, message: `does not match the evidence (mean ${found.mean} [${found.low}, ${found.high}] over ${found.n} videos)` });
    } else if (!found.coversZero) {
      problems.push({ file, field, message: `the trusted panel's anchored scores differ from the entry's by ${found.mean.toFixed(3)} on average (95% interval [${found.low.toFixed(3)}, ${found.high.toFixed(3)}] excludes 0): the entry is not reproduced` });
    }
  }
  return problems;
}
